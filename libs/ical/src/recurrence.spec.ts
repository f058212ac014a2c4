import { calendar, weeklySync } from '@app/testing';
import { VCalendar } from './vcalendar';
import { eventForRecurrence, expandOccurrences, nextOccurrence, overridesOf } from './recurrence';

const utc = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('expandOccurrences', () => {
  // Weekly on Mondays 09:30 Paris from 12 May 2030, 5 times; the 2nd excluded, the 3rd moved to 14:00.
  const weekly = VCalendar.parse(
    calendar(
      undefined,
      weeklySync({}, ['RRULE:FREQ=WEEKLY;COUNT=5', 'EXDATE;TZID=Europe/Paris:20300519T093000']),
      weeklySync({
        DTSTART: 'DTSTART;TZID=Europe/Paris:20300526T140000',
        DTEND: 'DTEND;TZID=Europe/Paris:20300526T150000',
        SUMMARY: 'SUMMARY:Moved sync',
        SEQUENCE: 'RECURRENCE-ID;TZID=Europe/Paris:20300526T093000',
      }),
    ),
  );

  it('expands the rule in the zone of DTSTART, drops EXDATEs and puts overrides in place', () => {
    const all = expandOccurrences(weekly, { fromMs: 0, toMs: Infinity });
    expect(all.map((occurrence) => iso(occurrence.startMs))).toEqual([
      '2030-05-12T07:30:00.000Z',
      '2030-05-26T12:00:00.000Z',
      '2030-06-02T07:30:00.000Z',
      '2030-06-09T07:30:00.000Z',
    ]);
    const moved = all[1]!;
    expect(moved.isOverride).toBe(true);
    expect(moved.vevent.getFirstPropertyValue('summary')).toBe('Moved sync');
    expect(iso(moved.endMs)).toBe('2030-05-26T13:00:00.000Z');
    expect(moved.recurrenceId.wall).toMatchObject({ day: 26, hour: 9, minute: 30 });
    expect(all[0]!.endMs - all[0]!.startMs).toBe(30 * 60_000);
  });

  it('keeps the occurrences overlapping the window, at most `limit`', () => {
    const window = { fromMs: utc('2030-05-20T00:00:00Z'), toMs: utc('2030-06-05T00:00:00Z') };
    expect(expandOccurrences(weekly, window).map((o) => iso(o.startMs))).toEqual([
      '2030-05-26T12:00:00.000Z',
      '2030-06-02T07:30:00.000Z',
    ]);
    expect(expandOccurrences(weekly, { ...window, limit: 1 })).toHaveLength(1);
    // in progress at fromMs: overlapping, but not "starting"
    const during = { fromMs: utc('2030-05-12T07:45:00Z'), toMs: utc('2030-05-13T00:00:00Z') };
    expect(expandOccurrences(weekly, during)).toHaveLength(1);
    expect(expandOccurrences(weekly, { ...during, startingOnly: true })).toHaveLength(0);
  });

  it('stops an endless rule at the limit and at maxIterations', () => {
    const endless = VCalendar.parse(calendar(undefined, weeklySync({}, ['RRULE:FREQ=DAILY'])));
    expect(expandOccurrences(endless, { fromMs: 0, toMs: Infinity, limit: 3 })).toHaveLength(3);
    expect(expandOccurrences(endless, { fromMs: 0, toMs: Infinity, maxIterations: 10 })).toHaveLength(10);
    const far = expandOccurrences(endless, { fromMs: utc('2031-01-01T00:00:00Z'), toMs: Infinity, limit: 1 });
    expect(iso(far[0]!.startMs)).toBe('2031-01-01T08:30:00.000Z');
  });

  it('gives the next occurrence, across a DST change', () => {
    const daily = VCalendar.parse(
      calendar(
        undefined,
        weeklySync({ DTSTART: 'DTSTART;TZID=Europe/Paris:20300322T093000', DTEND: null }, [
          'RRULE:FREQ=DAILY',
        ]),
      ),
    );
    expect(iso(nextOccurrence(daily, utc('2030-03-31T08:00:00Z'))!.startMs)).toBe('2030-04-01T07:30:00.000Z');
    expect(iso(nextOccurrence(daily, utc('2030-03-29T08:00:00Z'))!.startMs)).toBe('2030-03-29T08:30:00.000Z');
    expect(iso(nextOccurrence(daily, utc('2030-03-29T08:30:01Z'))!.startMs)).toBe('2030-03-30T08:30:00.000Z');
  });

  it('adds RDATEs, reads a single event and all-day events', () => {
    const withRdate = VCalendar.parse(
      calendar(undefined, weeklySync({}, ['RDATE;TZID=Europe/Paris:20300601T120000'])),
    );
    expect(expandOccurrences(withRdate, { fromMs: 0, toMs: Infinity }).map((o) => iso(o.startMs))).toEqual([
      '2030-05-12T07:30:00.000Z',
      '2030-06-01T10:00:00.000Z',
    ]);
    const allDay = VCalendar.parse(
      calendar(undefined, weeklySync({ DTSTART: 'DTSTART;VALUE=DATE:20300512', DTEND: null })),
    );
    const [day] = expandOccurrences(allDay, { fromMs: 0, toMs: Infinity });
    expect([iso(day!.startMs), iso(day!.endMs)]).toEqual([
      '2030-05-12T00:00:00.000Z',
      '2030-05-13T00:00:00.000Z',
    ]);
  });

  it('selects VEVENTs by RECURRENCE-ID', () => {
    expect([...overridesOf(weekly).values()]).toHaveLength(1);
    const moved = weekly.value(weekly.vevents[1]!, 'recurrence-id');
    expect(eventForRecurrence(weekly, moved)!.getFirstPropertyValue('summary')).toBe('Moved sync');
    expect(eventForRecurrence(weekly)).toBe(weekly.master());
  });
});
