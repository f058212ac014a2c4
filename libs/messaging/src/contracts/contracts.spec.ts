import { calendar, weeklySync } from '@app/testing';
import { VCalendar } from '@app/ical';
import { CALENDAR_EVENT_CONTRACT } from './calendar-event.contract';
import {
  ADDRESS_BOOK_CONTRACT,
  CALENDAR_CONTRACT,
  CALENDAR_SUBSCRIPTION_CONTRACT,
  CONTACT_CONTRACT,
} from './dav-collection.contracts';
import { ITIP_LOCAL_DELIVERY_CONTRACT } from './itip-local-delivery.contract';
import { InvalidMessageError, MessageContract } from './message-contract';
import { RESOURCE_EVENT_CONTRACT } from './resource-event.contract';

const ics = calendar(undefined, weeklySync());
const jcal = VCalendar.parse(ics).toJcal();

function refusal<T>(contract: MessageContract<T>, body: unknown): string {
  try {
    contract.parse(typeof body === 'string' ? body : JSON.stringify(body));
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidMessageError);
    return (error as InvalidMessageError).details ?? '';
  }
  throw new Error('accepted');
}

describe('message contracts (events.md §2)', () => {
  it('reads a calendar:event message: jCal parsed, ICS kept, unknown fields ignored', () => {
    const message = CALENDAR_EVENT_CONTRACT.parse(
      JSON.stringify({
        eventPath: '/calendars/a01/a01/weekly-sync.ics',
        event: jcal,
        rawEvent: ics,
        old_event: jcal,
        import: false,
        connectedUser: 'principals/users/a01',
        somethingNew: 1,
      }),
    );
    expect(message.eventPath).toBe('/calendars/a01/a01/weekly-sync.ics');
    expect(message.event.master()?.getFirstPropertyValue('uid')).toBe('weekly-sync');
    expect(message.oldEvent).toBeInstanceOf(VCalendar);
    expect(message.rawEvent).toBe(ics);
    expect(message.connectedUser).toBe('principals/users/a01');
    expect(message.import).toBe(false);
  });

  it('names the field of an invalid calendar:event message', () => {
    expect(refusal(CALENDAR_EVENT_CONTRACT, 'nope')).toMatch(/^not JSON/);
    expect(refusal(CALENDAR_EVENT_CONTRACT, [])).toBe('the body must be a JSON object');
    expect(refusal(CALENDAR_EVENT_CONTRACT, { event: jcal })).toBe('eventPath is missing');
    expect(refusal(CALENDAR_EVENT_CONTRACT, { eventPath: '/x' })).toBe('event (jCal) is missing');
    expect(refusal(CALENDAR_EVENT_CONTRACT, { eventPath: '/x', event: ['vcard', [], []] })).toMatch(
      /^event is not a VCALENDAR/,
    );
    expect(refusal(CALENDAR_EVENT_CONTRACT, { eventPath: '/x', event: jcal, old_event: 'x' })).toMatch(
      /^old_event is not jCal/,
    );
    expect(refusal(CALENDAR_EVENT_CONTRACT, { eventPath: '/x', event: jcal, rawEvent: 3 })).toBe(
      'rawEvent must be ICS text',
    );
  });

  it('reads resource messages, stripping .ics from eventId', () => {
    const message = RESOURCE_EVENT_CONTRACT.parse(
      JSON.stringify({
        resourceId: 'r04',
        eventId: 'weekly-sync.ics',
        eventPath: '/calendars/r04/r04/weekly-sync.ics',
        ics,
      }),
    );
    expect(message.eventId).toBe('weekly-sync');
    expect(message.calendar.vevents).toHaveLength(1);
    expect(
      refusal(RESOURCE_EVENT_CONTRACT, { resourceId: 'r04', eventId: 'x', eventPath: '/p', ics: 'bad' }),
    ).toMatch(/^ics is not ICS/);
    expect(refusal(RESOURCE_EVENT_CONTRACT, { eventId: 'x', eventPath: '/p', ics })).toBe(
      'resourceId is missing',
    );
  });

  it('reads an iTIP local delivery', () => {
    const message = ITIP_LOCAL_DELIVERY_CONTRACT.parse(
      JSON.stringify({
        sender: 'mailto:ana@example.org',
        method: 'request',
        uid: 'u',
        message: ics,
        recipients: ['mailto:bob@example.org', 3, ' '],
      }),
    );
    expect(message).toMatchObject({
      method: 'REQUEST',
      recipients: ['mailto:bob@example.org'],
      calendarId: null,
    });
    expect(refusal(ITIP_LOCAL_DELIVERY_CONTRACT, { ...message.body, method: 'PUBLISH' })).toBe(
      'method is unknown: PUBLISH',
    );
  });

  it('reads calendar, subscription, contact and address book messages', () => {
    expect(
      CALENDAR_CONTRACT.parse(
        JSON.stringify({ calendarPath: '/calendars/b03/x', calendarProps: { access: 'dav:read' } }),
      ),
    ).toMatchObject({
      calendarPath: '/calendars/b03/x',
      calendarProps: { access: 'dav:read' },
      connectedUser: null,
    });
    expect(
      CALENDAR_CONTRACT.parse(JSON.stringify({ calendarPath: '/calendars/b03/x' })).calendarProps,
    ).toBeNull();
    expect(refusal(CALENDAR_CONTRACT, { calendarPath: '/c', calendarProps: 'x' })).toBe(
      'calendarProps must be an object or null',
    );
    expect(
      CALENDAR_SUBSCRIPTION_CONTRACT.parse(
        JSON.stringify({ calendarPath: '/calendars/b03/sub-1', calendarSourcePath: null }),
      ),
    ).toMatchObject({ calendarSourcePath: null });
    expect(CONTACT_CONTRACT.parse(JSON.stringify({ path: 'addressbooks/a01/collected/3f.vcf' }))).toEqual({
      path: 'addressbooks/a01/collected/3f.vcf',
      connectedUser: null,
      body: { path: 'addressbooks/a01/collected/3f.vcf' },
    });
    expect(refusal(CONTACT_CONTRACT, { owner: 'principals/users/a01' })).toBe('path is missing');
    expect(
      ADDRESS_BOOK_CONTRACT.parse(
        JSON.stringify({ path: 'addressbooks/a01/family', owner: 'principals/users/a01' }),
      ),
    ).toMatchObject({
      owner: 'principals/users/a01',
    });
  });
});
