import { ICAL, VCalendar } from '@app/ical';
import { InvalidLocalDeliveryMessageError } from '../scheduling.errors';
import { ANA, BOB, NOW, ORGANIZER, calendar, weeklySync } from '@app/testing';
import { NotificationInput, buildNotifications } from './notification-builder';

const parse = (ics: string) => VCalendar.parse(ics, 'message');

function build(method: string, message: string, oldMessage?: string, recipient = 'bob@example.org') {
  const input: NotificationInput = {
    sender: 'ana@example.org',
    recipient,
    method,
    calendarId: 'a01',
    eventPath: '/calendars/b03/b03/weekly-sync.ics',
    message: parse(message),
    oldMessage: oldMessage ? parse(oldMessage) : undefined,
    nowMs: NOW,
  };
  return buildNotifications(input);
}

const vevents = (ics: string) => ICAL.Component.fromString(ics).getAllSubcomponents('vevent');
const paris = (date: string) => ({ isAllDay: false, date, timezone_type: 3, timezone: 'Europe/Paris' });

const WEEKLY = 'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=10';

describe('notifications of a local-delivery message (events.md §3.2)', () => {
  it('invites each attendee once with the message as is, as a new event', () => {
    const message = calendar('REQUEST', weeklySync());
    for (const recipient of ['bob@example.org', 'carla@example.org', 'dan@partner.test']) {
      expect(build('REQUEST', message, undefined, recipient)).toEqual([
        {
          senderEmail: 'ana@example.org',
          recipientEmail: recipient,
          method: 'REQUEST',
          event: message,
          calendarURI: 'a01',
          eventPath: '/calendars/b03/b03/weekly-sync.ics',
          isNewEvent: true,
        },
      ]);
    }
  });

  it('sends an update with the diff of the tracked fields when the time and the room change', () => {
    const old = calendar(undefined, weeklySync());
    const message = calendar(
      'REQUEST',
      weeklySync({
        SEQUENCE: 'SEQUENCE:1',
        DTSTART: 'DTSTART;TZID=Europe/Paris:20300512T100000',
        DTEND: 'DTEND;TZID=Europe/Paris:20300512T110000',
        LOCATION: 'LOCATION:Room 4',
      }),
    );
    const [update, ...rest] = build('REQUEST', message, old);
    expect(rest).toEqual([]);
    expect(update.isNewEvent).toBeUndefined();
    expect(update.event).toBe(message);
    expect(update.changes).toEqual({
      location: { previous: 'Room 2', current: 'Room 4' },
      dtstart: {
        previous: paris('2030-05-12 09:30:00.000000'),
        current: paris('2030-05-12 10:00:00.000000'),
      },
      dtend: { previous: paris('2030-05-12 10:00:00.000000'), current: paris('2030-05-12 11:00:00.000000') },
    });
  });

  it('sends nothing for an edit of untracked fields (alarm, attendee list, sequence)', () => {
    const old = calendar(undefined, weeklySync());
    const message = calendar(
      'REQUEST',
      weeklySync({ SEQUENCE: 'SEQUENCE:3', DAN: null }, [
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'TRIGGER:-PT5M',
        'END:VALARM',
      ]),
    );
    expect(build('REQUEST', message, old)).toEqual([]);
  });

  it('counts the same instant written in another zone as a change of DTSTART', () => {
    const old = calendar(undefined, weeklySync());
    const message = calendar('REQUEST', weeklySync({ DTSTART: 'DTSTART:20300512T073000Z' }));
    const [update] = build('REQUEST', message, old);
    expect(update.changes).toEqual({
      dtstart: {
        previous: paris('2030-05-12 09:30:00.000000'),
        current: { isAllDay: false, date: '2030-05-12 07:30:00.000000', timezone_type: 3, timezone: 'UTC' },
      },
    });
  });

  it('omits the DTEND side that has no DTEND (end given by DURATION)', () => {
    const old = calendar(undefined, weeklySync({ DTEND: 'DURATION:PT30M' }));
    const message = calendar('REQUEST', weeklySync());
    expect(build('REQUEST', message, old)).toEqual([]);
    const longer = calendar('REQUEST', weeklySync({ DTEND: 'DTEND;TZID=Europe/Paris:20300512T103000' }));
    expect(build('REQUEST', longer, old)[0].changes).toEqual({
      dtend: { current: paris('2030-05-12 10:30:00.000000') },
    });
  });

  it('treats an attendee added to an existing event as invited, and one removed as cancelled', () => {
    const old = calendar(undefined, weeklySync({ BOB: null }));
    const message = calendar('REQUEST', weeklySync({ SEQUENCE: 'SEQUENCE:1' }));
    expect(build('REQUEST', message, old)).toEqual([expect.objectContaining({ isNewEvent: true })]);
    expect(build('REQUEST', message, old, 'carla@example.org')).toEqual([]);

    const cancel = calendar('CANCEL', [
      'UID:weekly-sync',
      'SEQUENCE:1',
      'DTSTART;TZID=Europe/Paris:20300512T093000',
      ORGANIZER,
      BOB,
    ]);
    const [cancellation] = build('CANCEL', cancel, calendar(undefined, weeklySync()));
    expect(cancellation).toEqual(expect.objectContaining({ method: 'CANCEL', event: cancel }));
    expect(cancellation.isNewEvent).toBeUndefined();
    expect(Object.keys(cancellation.changes!)).toEqual(['summary', 'location', 'description', 'dtend']);
  });

  it('cancels without diff when there is no previous version (DELETE)', () => {
    const cancel = calendar('CANCEL', weeklySync({ SEQUENCE: 'SEQUENCE:1' }, ['STATUS:CANCELLED']));
    expect(build('CANCEL', cancel)).toEqual([expect.objectContaining({ method: 'CANCEL', event: cancel })]);
    expect(build('CANCEL', cancel)[0].isNewEvent).toBeUndefined();
  });

  it("notifies the organizer of a reply, and of a COUNTER with the organizer's copy as oldEvent", () => {
    const reply = calendar('REPLY', [
      'UID:weekly-sync',
      'DTSTAMP:20260111T090000Z',
      'DTSTART;TZID=Europe/Paris:20300512T093000',
      ORGANIZER,
      'ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@example.org',
    ]);
    expect(build('REPLY', reply, undefined, 'ana@example.org')).toEqual([
      expect.objectContaining({ method: 'REPLY', event: reply, recipientEmail: 'ana@example.org' }),
    ]);
    const current = calendar(undefined, weeklySync());
    const counter = calendar('COUNTER', weeklySync({ DTSTART: 'DTSTART;TZID=Europe/Paris:20300513T093000' }));
    expect(build('COUNTER', counter, current, 'ana@example.org')).toEqual([
      expect.objectContaining({ method: 'COUNTER', event: counter, oldEvent: current }),
    ]);
    expect(() => build('COUNTER', counter, undefined, 'ana@example.org')).toThrow(
      InvalidLocalDeliveryMessageError,
    );
  });

  describe('the organizer is also an attendee', () => {
    const pending = 'ATTENDEE;PARTSTAT=NEEDS-ACTION;ROLE=CHAIR:mailto:ana@example.org';

    it('notifies the attendees when the organizer accepts their own event', () => {
      const old = calendar(undefined, weeklySync({ ANA: pending }));
      const [update] = build('REQUEST', calendar('REQUEST', weeklySync()), old);
      expect(update).toEqual(expect.objectContaining({ method: 'REQUEST' }));
      expect(update.changes).toBeUndefined();
      expect(update.isNewEvent).toBeUndefined();
    });

    it('ignores the organizer declining, except for publicly created events', () => {
      const declined = 'ATTENDEE;PARTSTAT=DECLINED;ROLE=CHAIR:mailto:ana@example.org';
      const old = calendar(undefined, weeklySync());
      expect(build('REQUEST', calendar('REQUEST', weeklySync({ ANA: declined })), old)).toEqual([]);
      const booked = (ana: string) =>
        calendar('REQUEST', weeklySync({ ANA: ana }, ['X-PUBLICLY-CREATED:true']));
      expect(build('REQUEST', booked(declined), booked(ANA))).toHaveLength(1);
    });
  });

  it("notifies a change of the recipient's own PARTSTAT (made by the organizer)", () => {
    const old = calendar(undefined, weeklySync());
    const accepted = calendar(
      'REQUEST',
      weeklySync({ BOB: 'ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@example.org' }),
    );
    expect(build('REQUEST', accepted, old)).toHaveLength(1);
    expect(build('REQUEST', accepted, old, 'carla@example.org')).toEqual([]);
  });

  describe('all-day events', () => {
    const allDay = (start: string, end: string) =>
      weeklySync({ DTSTART: `DTSTART;VALUE=DATE:${start}`, DTEND: `DTEND;VALUE=DATE:${end}` });

    it('writes the dates as midnight, all day, in UTC', () => {
      const old = calendar(undefined, allDay('20300601', '20300602'));
      const [update] = build('REQUEST', calendar('REQUEST', allDay('20300603', '20300604')), old);
      const day = (date: string) => ({
        isAllDay: true,
        date: `${date} 00:00:00.000000`,
        timezone_type: 3,
        timezone: 'UTC',
      });
      expect(update.changes).toEqual({
        dtstart: { previous: day('2030-06-01'), current: day('2030-06-03') },
        dtend: { previous: day('2030-06-02'), current: day('2030-06-04') },
      });
    });

    it('cancels a new all-day EXDATE as a date', () => {
      const series = (exdates: string[]) =>
        allDay('20300601', '20300602').concat(['RRULE:FREQ=DAILY;COUNT=5', ...exdates]);
      const old = calendar(undefined, series([]));
      const [cancel, ...rest] = build(
        'REQUEST',
        calendar('REQUEST', series(['EXDATE;VALUE=DATE:20300603'])),
        old,
      );
      expect(rest).toEqual([]);
      const [occurrence] = vevents(cancel.event);
      expect(occurrence.getFirstProperty('dtstart')!.toICALString()).toBe('DTSTART;VALUE=DATE:20300603');
      expect(occurrence.getFirstProperty('dtend')!.toICALString()).toBe('DTEND;VALUE=DATE:20300604');
      expect(occurrence.getFirstProperty('recurrence-id')!.toICALString()).toBe(
        'RECURRENCE-ID;VALUE=DATE:20300603',
      );
    });
  });

  describe('recurring events', () => {
    const series = (extra: string[] = [], overrides: Record<string, string | null> = {}) =>
      weeklySync(overrides, [WEEKLY, ...extra]);

    it('invites with one notification per VEVENT, each alone in its calendar with the time zones', () => {
      const moved = weeklySync(
        {
          DTSTART: 'DTSTART;TZID=Europe/Paris:20300519T140000',
          DTEND: 'DTEND;TZID=Europe/Paris:20300519T143000',
        },
        ['RECURRENCE-ID;TZID=Europe/Paris:20300519T093000'],
      );
      const message = calendar('REQUEST', series(), moved);
      const notifications = build('REQUEST', message);
      expect(notifications).toHaveLength(2);
      for (const notification of notifications) {
        expect(notification.isNewEvent).toBe(true);
        expect(vevents(notification.event)).toHaveLength(1);
        expect(notification.event).toContain('BEGIN:VTIMEZONE');
        expect(notification.event).toContain('METHOD:REQUEST');
      }
      expect(vevents(notifications[1].event)[0].getFirstPropertyValue('recurrence-id')!.toString()).toBe(
        '2030-05-19T09:30:00',
      );
    });

    it('turns a new EXDATE into a CANCEL of that occurrence built from the old master', () => {
      const old = calendar(undefined, series());
      const message = calendar(
        'REQUEST',
        series(['EXDATE;TZID=Europe/Paris:20300526T093000'], { SEQUENCE: 'SEQUENCE:1' }),
      );
      const notifications = build('REQUEST', message, old);
      expect(notifications).toHaveLength(1);
      const [cancel] = notifications;
      expect(cancel.method).toBe('CANCEL');
      expect(cancel.isNewEvent).toBeUndefined();
      expect(cancel.event).toContain('METHOD:CANCEL');
      expect(cancel.event).toContain('BEGIN:VTIMEZONE');
      const [occurrence] = vevents(cancel.event);
      expect(occurrence.getFirstProperty('dtstart')!.toICALString()).toBe(
        'DTSTART;TZID=Europe/Paris:20300526T093000',
      );
      expect(occurrence.getFirstProperty('dtend')!.toICALString()).toBe(
        'DTEND;TZID=Europe/Paris:20300526T100000',
      );
      expect(occurrence.getFirstProperty('recurrence-id')!.toICALString()).toBe(
        'RECURRENCE-ID;TZID=Europe/Paris:20300526T093000',
      );
      expect(occurrence.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(occurrence.getFirstPropertyValue('sequence')).toBe(0);
      for (const dropped of ['rrule', 'exdate', 'duration'])
        expect(occurrence.getFirstProperty(dropped)).toBeNull();
    });

    it('matches EXDATEs as instants: the same occurrence written in UTC is not new', () => {
      const old = calendar(undefined, series(['EXDATE:20300526T073000Z']));
      const message = calendar('REQUEST', series(['EXDATE;TZID=Europe/Paris:20300526T093000']));
      expect(build('REQUEST', message, old)).toEqual([]);
    });

    it('notifies a moved occurrence as an update of that occurrence only', () => {
      const old = calendar(undefined, series());
      const moved = weeklySync(
        {
          SEQUENCE: 'SEQUENCE:1',
          DTSTART: 'DTSTART;TZID=Europe/Paris:20300519T140000',
          DTEND: 'DTEND;TZID=Europe/Paris:20300519T143000',
        },
        ['RECURRENCE-ID;TZID=Europe/Paris:20300519T093000'],
      );
      const message = calendar('REQUEST', series(), moved);
      const [update, ...rest] = build('REQUEST', message, old);
      expect(rest).toEqual([]);
      expect(update.method).toBe('REQUEST');
      expect(update.isNewEvent).toBeUndefined();
      expect(update.changes).toEqual({
        dtstart: {
          previous: paris('2030-05-19 09:30:00.000000'),
          current: paris('2030-05-19 14:00:00.000000'),
        },
        dtend: {
          previous: paris('2030-05-19 10:00:00.000000'),
          current: paris('2030-05-19 14:30:00.000000'),
        },
      });
      const [occurrence] = vevents(update.event);
      expect(occurrence.getFirstPropertyValue('recurrence-id')!.toString()).toBe('2030-05-19T09:30:00');
    });

    it('notifies an override that already existed only when it changed', () => {
      const override = (summary: string) =>
        weeklySync({ SUMMARY: `SUMMARY:${summary}` }, ['RECURRENCE-ID;TZID=Europe/Paris:20300519T093000']);
      const old = calendar(undefined, series(), override('Weekly sync'));
      expect(build('REQUEST', calendar('REQUEST', series(), override('Weekly sync')), old)).toEqual([]);
      const [update] = build('REQUEST', calendar('REQUEST', series(), override('Retro')), old);
      expect(update.changes).toEqual({ summary: { previous: 'Weekly sync', current: 'Retro' } });
    });

    it('sends one reply per VEVENT of a recurring reply, and diffs recurring cancellations', () => {
      const reply = calendar(
        'REPLY',
        [
          'UID:weekly-sync',
          WEEKLY,
          'DTSTART;TZID=Europe/Paris:20300512T093000',
          ORGANIZER,
          'ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@example.org',
        ],
        [
          'UID:weekly-sync',
          'RECURRENCE-ID;TZID=Europe/Paris:20300519T093000',
          'DTSTART;TZID=Europe/Paris:20300519T093000',
          ORGANIZER,
          'ATTENDEE;PARTSTAT=DECLINED:mailto:bob@example.org',
        ],
      );
      const replies = build('REPLY', reply, undefined, 'ana@example.org');
      expect(replies.map((n) => [n.method, n.isNewEvent, vevents(n.event).length])).toEqual([
        ['REPLY', undefined, 1],
        ['REPLY', undefined, 1],
      ]);
      const cancel = calendar('CANCEL', series(['STATUS:CANCELLED']));
      expect(build('CANCEL', cancel)).toEqual([expect.objectContaining({ method: 'CANCEL', event: cancel })]);
    });
  });

  describe('expiry filter', () => {
    it('drops past events and keeps a past event moved into the future', () => {
      const past = weeklySync({
        DTSTART: 'DTSTART;TZID=Europe/Paris:20200512T093000',
        DTEND: 'DTEND;TZID=Europe/Paris:20200512T100000',
      });
      expect(build('REQUEST', calendar('REQUEST', past))).toEqual([]);
      expect(build('REQUEST', calendar('REQUEST', weeklySync()), calendar(undefined, past))).toHaveLength(1);
    });

    it('drops the CANCEL of a past occurrence, keeps the one of a future occurrence', () => {
      const series = (exdates: string[]) =>
        weeklySync(
          {
            DTSTART: 'DTSTART;TZID=Europe/Paris:20251201T093000',
            DTEND: 'DTEND;TZID=Europe/Paris:20251201T100000',
          },
          ['RRULE:FREQ=WEEKLY', ...exdates],
        );
      const old = calendar(undefined, series([]));
      const message = calendar(
        'REQUEST',
        series(['EXDATE;TZID=Europe/Paris:20251208T093000', 'EXDATE;TZID=Europe/Paris:20260105T093000']),
      );
      const notifications = build('REQUEST', message, old);
      expect(
        notifications.map((n) => vevents(n.event)[0].getFirstPropertyValue('dtstart')!.toString()),
      ).toEqual(['2026-01-05T09:30:00']);
    });
  });
});
