import { VCalendar, icsToJcal } from '@app/ical';
import { calendar, ics, weeklySync } from '@app/testing';
import { UnindexableEventError, eventDocumentsOf, eventLocationOf, eventUidsOf } from './event-documents';

const location = { homeId: 'a01', calendarUri: 'a01', resourceName: 'weekly-sync.ics' };
const fromJcal = (text: string) => VCalendar.fromJcal(icsToJcal(text), 'event');

describe('event documents (events.md §5.4)', () => {
  it('reads the event path: exactly 4 segments starting with calendars', () => {
    expect(eventLocationOf('/calendars/a01/cal-2/ev.ics')).toEqual({
      homeId: 'a01',
      calendarUri: 'cal-2',
      resourceName: 'ev.ics',
    });
    for (const path of [
      '/calendars/a01/ev.ics',
      '/calendars/a01/c/d/ev.ics',
      '/addressbooks/a/b/c',
      '/calendars//b/c',
      '',
    ])
      expect(() => eventLocationOf(path)).toThrow(UnindexableEventError);
  });

  it('maps a single event: times in UTC, people split, resources by CUTYPE=RESOURCE', () => {
    const [single] = eventDocumentsOf(
      fromJcal(
        calendar(
          undefined,
          weeklySync({}, [
            'CLASS:PUBLIC',
            'X-OPENPAAS-VIDEOCONFERENCE:https://visio.test/abc',
            'ATTENDEE;CUTYPE=RESOURCE;CN=Room 4:mailto:r04@example.org',
            'ATTENDEE:mailto:not an address',
          ]),
        ),
      ),
      location,
    );
    expect(single!.id).toBe('a01:a01:weekly-sync:single');
    expect(single!.document).toEqual({
      baseCalendarId: 'a01',
      calendarURL: 'a01/a01',
      eventUid: 'weekly-sync',
      resourceName: 'weekly-sync.ics',
      summary: 'Weekly sync',
      location: 'Room 2',
      description: 'Agenda:\n- status\n- risks',
      clazz: 'PUBLIC',
      start: '2030-05-12T07:30:00Z',
      end: '2030-05-12T08:00:00Z',
      dtstamp: '2026-01-10T08:15:00Z',
      allDay: false,
      sequence: 0,
      collapseRank: 0,
      organizer: { cn: 'Ana Lima', email: 'ana@example.org' },
      attendees: [
        { cn: 'Ana Lima', email: 'ana@example.org' },
        { cn: 'Bob', email: 'bob@example.org' },
        { cn: '', email: 'carla@example.org' },
        { cn: '', email: 'dan@partner.test' },
      ],
      resources: [{ cn: 'Room 4', email: 'r04@example.org' }],
      videoconferenceUrl: 'https://visio.test/abc',
    });
  });

  it('maps a series: master and override ids, collapse ranks, raw recurrence id', () => {
    const series = ics(
      undefined,
      {
        uid: 'standup',
        summary: 'Standup',
        start: '20300513T090000',
        end: '20300513T091500',
        rrule: 'FREQ=DAILY',
        organizer: 'ana@example.org',
        attendees: [],
      },
      {
        uid: 'standup',
        summary: 'Standup (late)',
        recurrenceId: '20300514T090000',
        start: '20300514T100000',
        end: '20300514T101500',
        organizer: 'ana@example.org',
        attendees: [],
      },
    );
    const [master, override] = eventDocumentsOf(fromJcal(series), location);
    expect(master!.id).toBe('a01:a01:standup:master');
    expect(master!.document).toMatchObject({ isRecurrentMaster: true, collapseRank: 0 });
    expect(override!.id).toBe('a01:a01:standup:recurrence:2030-05-14T09:00:00');
    expect(override!.document).toMatchObject({
      isRecurrentMaster: false,
      collapseRank: 1,
      recurrenceId: '2030-05-14T09:00:00',
      start: '2030-05-14T08:00:00Z',
    });
    expect(eventUidsOf(fromJcal(series))).toEqual(['standup']);
  });

  it('all-day events start at midnight UTC; DURATION gives the end; no DTEND nor DURATION gives none', () => {
    const allDay = calendar(undefined, [
      'UID:holiday',
      'DTSTART;VALUE=DATE:20300601',
      'DURATION:P2D',
      'SUMMARY:Holiday',
    ]);
    const [document] = eventDocumentsOf(fromJcal(allDay), location);
    expect(document!.document).toMatchObject({
      start: '2030-06-01T00:00:00Z',
      end: '2030-06-03T00:00:00Z',
      allDay: true,
    });
    const open = calendar(undefined, ['UID:open', 'DTSTART:20300601T100000Z']);
    expect(eventDocumentsOf(fromJcal(open), location)[0]!.document.end).toBeUndefined();
  });

  it('a SEQUENCE that is not an integer is absent; an unreadable DTSTART or a missing UID rejects', () => {
    const jcal = icsToJcal(calendar(undefined, weeklySync())) as [
      string,
      unknown[],
      [string, unknown[][], unknown[]][],
    ];
    const properties = jcal[2].find(([name]) => name === 'vevent')![1];
    const sequence = properties.find(([name]) => name === 'sequence')!;
    sequence[2] = 'text';
    sequence[3] = 'two';
    expect(eventDocumentsOf(VCalendar.fromJcal(jcal), location)[0]!.document.sequence).toBeUndefined();
    sequence[2] = 'integer';
    expect(eventDocumentsOf(VCalendar.fromJcal(jcal), location)[0]!.document.sequence).toBeUndefined();
    const dtstart = properties.find(([name]) => name === 'dtstart')!;
    dtstart[3] = 'yesterday';
    expect(() => eventDocumentsOf(VCalendar.fromJcal(jcal), location)).toThrow(UnindexableEventError);
    const noUid = fromJcal(calendar(undefined, ['SUMMARY:no uid', 'DTSTART:20300601T100000Z']));
    expect(() => eventDocumentsOf(noUid, location)).toThrow(
      expect.objectContaining({ details: 'a VEVENT has no UID' }) as unknown as Error,
    );
  });
});
