import { InvalidMessageError } from './message-contract';
import { parseNotificationEmail } from './notification-email.contract';

const base = {
  senderEmail: 'MAILTO:Ana@Example.org',
  recipientEmail: 'bob@example.org',
  method: 'request',
  event: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
  calendarURI: 'a01',
  eventPath: '/calendars/b03/b03/weekly-sync.ics',
  unknownField: 'ignored',
};

describe('parseNotificationEmail (events.md §2.7)', () => {
  it('normalises the addresses and the method, and ignores unknown fields', () => {
    expect(parseNotificationEmail(JSON.stringify(base))).toEqual({
      senderEmail: 'ana@example.org',
      recipientEmail: 'bob@example.org',
      method: 'REQUEST',
      event: base.event,
      calendarURI: 'a01',
      eventPath: '/calendars/b03/b03/weekly-sync.ics',
      isNewEvent: false,
      changes: undefined,
    });
  });

  it('reads the changes and defaults a missing eventPath', () => {
    const parsed = parseNotificationEmail(
      JSON.stringify({
        ...base,
        eventPath: undefined,
        isNewEvent: true,
        changes: {
          location: { previous: 'Room 2', current: 'Room 4' },
          dtstart: {
            previous: {
              isAllDay: false,
              date: '2025-05-12 09:30:00.000000',
              timezone_type: 3,
              timezone: 'Europe/Paris',
            },
          },
        },
      }),
    );
    expect(parsed.eventPath).toBe('');
    expect(parsed.isNewEvent).toBe(true);
    expect(parsed.changes).toEqual({
      location: { previous: 'Room 2', current: 'Room 4' },
      dtstart: {
        previous: { isAllDay: false, date: '2025-05-12 09:30:00.000000', timezone: 'Europe/Paris' },
        current: undefined,
      },
    });
  });

  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    ['no method', JSON.stringify({ ...base, method: undefined })],
    ['no event', JSON.stringify({ ...base, event: '' })],
    ['a bad recipient', JSON.stringify({ ...base, recipientEmail: 'nobody' })],
    [
      'a bad change date',
      JSON.stringify({ ...base, changes: { dtstart: { previous: { date: 'yesterday' } } } }),
    ],
  ])('refuses %s', (_, body) => {
    expect(() => parseNotificationEmail(body)).toThrow(InvalidMessageError);
  });
});
