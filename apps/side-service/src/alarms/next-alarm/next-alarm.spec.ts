import { VCalendar } from '@app/ical';
import { calendar } from '@app/testing';
import { nextAlarm } from './next-alarm';

const OWNER = 'ana@example.org';
const NOW = new Date('2030-05-01T00:00:00Z');
const ACCEPTED = (email: string) => `ATTENDEE;PARTSTAT=ACCEPTED;CN=x:mailto:${email}`;
const DECLINED = (email: string) => `ATTENDEE;PARTSTAT=DECLINED:mailto:${email}`;
const VALARM = (trigger: string, action = 'EMAIL', attendees: string[] = []) => [
  'BEGIN:VALARM',
  `TRIGGER:${trigger}`,
  `ACTION:${action}`,
  'DESCRIPTION:reminder',
  ...attendees.map((email) => `ATTENDEE:mailto:${email}`),
  'END:VALARM',
];

function event(lines: string[], { uid = 'ev-1', attendees = [ACCEPTED(OWNER)] } = {}): string[] {
  return [
    `UID:${uid}`,
    'DTSTAMP:20300101T000000Z',
    'ORGANIZER:mailto:ana@example.org',
    ...attendees,
    ...lines,
  ];
}

function next(ics: string, options: { user?: string; now?: Date; since?: Date } = {}) {
  return nextAlarm(VCalendar.parse(ics), {
    user: options.user ?? OWNER,
    now: options.now ?? NOW,
    since: options.since,
  });
}

describe('nextAlarm (events.md §4.2)', () => {
  it('gives start + duration for a single timed event in its TZID zone, with the VALARM recipients', () => {
    const ics = calendar(
      undefined,
      event([
        'DTSTART;TZID=Europe/Paris:20300512T093000',
        'DTEND;TZID=Europe/Paris:20300512T100000',
        ...VALARM('-PT15M', 'EMAIL', [OWNER]),
      ]),
    );
    expect(next(ics).next).toEqual({
      alarmTime: new Date('2030-05-12T07:15:00Z'),
      eventStartTime: new Date('2030-05-12T07:30:00Z'),
      recipients: [OWNER],
      action: 'EMAIL',
    });
  });

  it('reads floating times as UTC and a VALARM without ATTENDEE lines reminds the user', () => {
    const ics = calendar(undefined, event(['DTSTART:20300512T093000', ...VALARM('-PT1H')]));
    expect(next(ics).next).toMatchObject({
      alarmTime: new Date('2030-05-12T08:30:00Z'),
      recipients: [OWNER],
    });
  });

  it('fires an all-day -PT15M alarm at 23:45 UTC the day before', () => {
    const ics = calendar(
      undefined,
      event(['DTSTART;VALUE=DATE:20300512', 'DTEND;VALUE=DATE:20300513', ...VALARM('-PT15M')]),
    );
    expect(next(ics).next).toMatchObject({
      alarmTime: new Date('2030-05-11T23:45:00Z'),
      eventStartTime: new Date('2030-05-12T00:00:00Z'),
    });
  });

  it('keeps no event that already started, and no alarm at or before `since`', () => {
    const ics = calendar(undefined, event(['DTSTART:20300512T093000Z', ...VALARM('-PT15M')]));
    expect(next(ics, { now: new Date('2030-05-12T09:30:00Z') }).next).toBeUndefined();
    expect(next(ics, { since: new Date('2030-05-12T09:15:00Z') }).next).toBeUndefined();
    expect(next(ics, { since: new Date('2030-05-12T09:14:59Z') }).next).toBeDefined();
  });

  it('gives nothing to a declined attendee, nor to an organizer without its own ATTENDEE line', () => {
    const lines = ['DTSTART:20300512T093000Z', ...VALARM('-PT15M')];
    const declined = calendar(
      undefined,
      event(lines, { attendees: [DECLINED(OWNER), ACCEPTED('bob@example.org')] }),
    );
    expect(next(declined).next).toBeUndefined();
    const organizerOnly = calendar(undefined, event(lines, { attendees: [ACCEPTED('bob@example.org')] }));
    expect(next(organizerOnly).next).toBeUndefined();
    expect(next(organizerOnly, { user: 'bob@example.org' }).next).toMatchObject({
      recipients: ['bob@example.org'],
    });
  });

  it('removes other event attendees from the VALARM recipients, keeps the user and non-attendees', () => {
    const attendees = [ACCEPTED(OWNER), ACCEPTED('bob@example.org')];
    const lines = ['DTSTART:20300512T093000Z'];
    const mixed = calendar(
      undefined,
      event(
        [
          ...lines,
          ...VALARM('-PT15M', 'EMAIL', [OWNER, 'bob@example.org', 'ana.alias@example.org', 'not an address']),
        ],
        {
          attendees,
        },
      ),
    );
    expect(next(mixed).next?.recipients).toEqual([OWNER, 'ana.alias@example.org']);
    const othersOnly = calendar(
      undefined,
      event([...lines, ...VALARM('-PT15M', 'EMAIL', ['bob@example.org'])], { attendees }),
    );
    expect(next(othersOnly).next).toBeUndefined();
  });

  it('expands a daily RRULE, skipping EXDATEs and past dates, and names the occurrence', () => {
    const ics = calendar(
      undefined,
      event([
        'DTSTART;TZID=Europe/Paris:20300420T090000',
        'RRULE:FREQ=DAILY',
        'EXDATE;TZID=Europe/Paris:20300501T090000',
        ...VALARM('-PT10M'),
      ]),
    );
    // now = 1 May 00:00 UTC: the 1 May occurrence is excluded, the 2 May one (07:00 UTC) is next.
    expect(next(ics).next).toEqual({
      alarmTime: new Date('2030-05-02T06:50:00Z'),
      eventStartTime: new Date('2030-05-02T07:00:00Z'),
      recurrenceId: '20300502T090000',
      recipients: [OWNER],
      action: 'EMAIL',
    });
  });

  it('moves an overridden occurrence of a weekly series and skips a cancelled one', () => {
    const master = event([
      'DTSTART;TZID=Europe/Paris:20300506T093000',
      'RRULE:FREQ=WEEKLY;COUNT=10',
      'SUMMARY:Weekly',
      ...VALARM('-PT15M'),
    ]);
    const moved = event([
      'RECURRENCE-ID;TZID=Europe/Paris:20300506T093000',
      'DTSTART;TZID=Europe/Paris:20300507T140000',
      'SUMMARY:Weekly (moved)',
      ...VALARM('-PT15M'),
    ]);
    const cancelled = event([
      'RECURRENCE-ID;TZID=Europe/Paris:20300513T093000',
      'DTSTART;TZID=Europe/Paris:20300513T093000',
      'STATUS:CANCELLED',
      ...VALARM('-PT15M'),
    ]);
    const ics = calendar(undefined, master, moved, cancelled);
    const first = next(ics).next!;
    expect(first).toMatchObject({
      alarmTime: new Date('2030-05-07T11:45:00Z'),
      eventStartTime: new Date('2030-05-07T12:00:00Z'),
      recurrenceId: '20300506T093000',
    });
    // after the moved one: 13 May is cancelled, 20 May comes next
    const second = next(ics, { now: new Date('2030-05-07T11:45:00Z'), since: first.alarmTime }).next!;
    expect(second).toMatchObject({
      eventStartTime: new Date('2030-05-20T07:30:00Z'),
      recurrenceId: '20300520T093000',
    });
  });

  it('skips occurrences the user declined in an override', () => {
    const master = event(['DTSTART:20300502T090000Z', 'RRULE:FREQ=DAILY;COUNT=5', ...VALARM('-PT5M')]);
    const declined = event(
      ['RECURRENCE-ID:20300502T090000Z', 'DTSTART:20300502T090000Z', ...VALARM('-PT5M')],
      { attendees: [DECLINED(OWNER)] },
    );
    expect(next(calendar(undefined, master, declined)).next?.eventStartTime).toEqual(
      new Date('2030-05-03T09:00:00Z'),
    );
  });

  it('takes the newest of several VEVENTs without RRULE (SEQUENCE first)', () => {
    const older = event(['SEQUENCE:1', 'DTSTART:20300510T090000Z', ...VALARM('-PT5M')]);
    const newer = event(['SEQUENCE:2', 'DTSTART:20300511T090000Z', ...VALARM('-PT5M')]);
    expect(next(calendar(undefined, newer, older)).next?.eventStartTime).toEqual(
      new Date('2030-05-11T09:00:00Z'),
    );
  });

  it('handles DISPLAY (any case), ignores absolute triggers and other actions, and picks the earliest', () => {
    const ics = calendar(
      undefined,
      event([
        'DTSTART:20300512T090000Z',
        'BEGIN:VALARM',
        'TRIGGER;VALUE=DATE-TIME:20300512T060000Z',
        'ACTION:EMAIL',
        'END:VALARM',
        ...VALARM('-PT30M', 'AUDIO'),
        ...VALARM('-PT10M', 'display'),
        ...VALARM('-PT5M', 'EMAIL'),
      ]),
    );
    const result = next(ics);
    expect(result.next).toMatchObject({ alarmTime: new Date('2030-05-12T08:50:00Z'), action: 'DISPLAY' });
    expect(result.warnings.join()).toMatch(/absolute triggers/);
    // the next one after the DISPLAY alarm is the e-mail
    expect(next(ics, { since: result.next!.alarmTime }).next).toMatchObject({ action: 'EMAIL' });
  });

  it('gives nothing for METHOD:CANCEL, a series without master, or a rule that runs away', () => {
    const lines = ['DTSTART:20300512T090000Z', ...VALARM('-PT5M')];
    expect(next(calendar('CANCEL', event(lines))).next).toBeUndefined();
    const orphan = event(['RECURRENCE-ID:20300512T090000Z', ...lines, 'RRULE:FREQ=DAILY']);
    expect(next(calendar(undefined, orphan)).next).toBeUndefined();
    const never = calendar(
      undefined,
      // every minute since 2020: the expansion gives up long before reaching now
      event(['DTSTART:20200101T090000Z', 'RRULE:FREQ=MINUTELY', ...VALARM('-PT5M')]),
    );
    const result = next(never);
    expect(result.next).toBeUndefined();
    expect(result.warnings.join()).toMatch(/RRULE/);
  });
});
