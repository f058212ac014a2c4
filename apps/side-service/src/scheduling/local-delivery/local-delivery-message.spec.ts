import { InvalidMessageError, parseLocalDeliveryMessage } from '@app/messaging';
import { copyFor, deliveryKey } from './local-delivery-message';

const body = {
  sender: 'mailto:ana@example.org',
  method: 'request',
  uid: 'weekly-sync',
  message: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
  oldMessage: null,
  hasChange: true,
  recipients: ['mailto:bob@example.org', 7, '  ', null, '<MAILTO:Carla@Example.org>'],
  calendarId: 'a01',
  connectedUser: 'principals/users/a01',
  futureField: { kept: true },
};

describe('calendar:itip:localDelivery messages (events.md §2.5)', () => {
  it('validates leniently: method upper-cased, non-string and blank recipients dropped', () => {
    const message = parseLocalDeliveryMessage(Buffer.from(JSON.stringify(body)));
    expect(message).toMatchObject({
      sender: 'mailto:ana@example.org',
      method: 'REQUEST',
      uid: 'weekly-sync',
      recipients: ['mailto:bob@example.org', '<MAILTO:Carla@Example.org>'],
      calendarId: 'a01',
    });
    expect(message.oldMessage).toBeUndefined();
  });

  it.each([
    ['not JSON', 'not json'],
    ['an array', '[]'],
    ['no sender', JSON.stringify({ ...body, sender: undefined })],
    ['a sender that is no address', JSON.stringify({ ...body, sender: 'mailto:nobody' })],
    ['an unknown method', JSON.stringify({ ...body, method: 'PUBLISH' })],
    ['no message', JSON.stringify({ ...body, message: '' })],
    ['recipients that are no array', JSON.stringify({ ...body, recipients: 'mailto:bob@example.org' })],
    ['an oldMessage that is no text', JSON.stringify({ ...body, oldMessage: 42 })],
  ])('refuses %s', (_, content) => {
    expect(() => parseLocalDeliveryMessage(content)).toThrow(InvalidMessageError);
  });

  it('copies the payload for one recipient, unknown fields included', () => {
    const message = parseLocalDeliveryMessage(JSON.stringify(body));
    expect(copyFor(message, 'mailto:bob@example.org')).toEqual({
      ...body,
      recipients: ['mailto:bob@example.org'],
    });
  });

  it('keys a message by its content and its normalised recipient', () => {
    const message = parseLocalDeliveryMessage(JSON.stringify(body));
    const key = deliveryKey(message, 'mailto:bob@example.org');
    expect(key).toMatch(/^itip:[0-9a-f]{64}$/);
    expect(deliveryKey(message, ' <MAILTO:Bob@Example.org> ')).toBe(key);
    expect(deliveryKey(message, 'mailto:carla@example.org')).not.toBe(key);
    const other = parseLocalDeliveryMessage(JSON.stringify({ ...body, method: 'CANCEL' }));
    expect(deliveryKey(other, 'mailto:bob@example.org')).not.toBe(key);
  });
});
