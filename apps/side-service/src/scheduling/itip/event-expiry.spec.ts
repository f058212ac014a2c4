import { isEventOver } from './event-expiry';
import { VCalendar } from '@app/ical';
import { NOW, calendar } from '@app/testing';

const event = (...lines: string[]) => VCalendar.parse(calendar('REQUEST', ['UID:e', ...lines]), 'event');
const over = (...lines: string[]) => isEventOver(event(...lines), NOW);

describe('expiry filter (events.md §3.2)', () => {
  it('compares the DTSTART of a single event with now, in its zone', () => {
    expect(over('DTSTART:20251231T235959Z')).toBe(true);
    expect(over('DTSTART:20260101T000000Z')).toBe(false);
    // 00:30 in Paris on 1 January is 23:30 UTC the day before
    expect(over('DTSTART;TZID=Europe/Paris:20260101T003000')).toBe(true);
    // no VTIMEZONE for New York: Intl turns the wall time into an instant (19:30 the day before = 00:30 UTC)
    expect(over('DTSTART;TZID=America/New_York:20251231T193000')).toBe(false);
    expect(over('DTSTART;VALUE=DATE:20251231')).toBe(true);
    expect(over('DTSTART;VALUE=DATE:20260102')).toBe(false);
  });

  it('keeps an event without parsable DTSTART', () => {
    expect(over('SUMMARY:no start')).toBe(false);
    expect(over('DTSTART:not-a-date')).toBe(false);
  });

  it('keeps a series while an occurrence remains, an RRULE without end forever', () => {
    expect(over('DTSTART:20200106T090000Z', 'RRULE:FREQ=WEEKLY')).toBe(false);
    expect(over('DTSTART:20200106T090000Z', 'RRULE:FREQ=WEEKLY;COUNT=3')).toBe(true);
    expect(over('DTSTART:20200106T090000Z', 'RRULE:FREQ=DAILY;UNTIL=20260105T090000Z')).toBe(false);
    expect(over('DTSTART:20200106T090000Z', 'RRULE:FREQ=DAILY;UNTIL=20251231T090000Z')).toBe(true);
  });

  it('subtracts EXDATEs and adds RDATEs', () => {
    const lastThree = 'EXDATE:20260101T090000Z,20260102T090000Z,20260103T090000Z';
    expect(over('DTSTART:20251230T090000Z', 'RRULE:FREQ=DAILY;COUNT=5', lastThree)).toBe(true);
    expect(over('DTSTART:20251230T090000Z', 'RRULE:FREQ=DAILY;COUNT=5', 'EXDATE:20260102T090000Z')).toBe(
      false,
    );
    expect(over('DTSTART:20251230T090000Z', 'RDATE:20260110T090000Z')).toBe(false);
    expect(over('DTSTART:20251230T090000Z', 'RDATE:20251231T090000Z')).toBe(true);
    expect(over('DTSTART:20251230T090000Z', 'RDATE;VALUE=PERIOD:20260110T090000Z/PT1H')).toBe(false);
    expect(
      over('DTSTART:20251230T090000Z', 'RRULE:FREQ=DAILY;COUNT=5', lastThree, 'RDATE:20260110T090000Z'),
    ).toBe(false);
  });

  it('compares all-day EXDATEs as dates', () => {
    expect(
      over('DTSTART;VALUE=DATE:20251230', 'RRULE:FREQ=DAILY;COUNT=4', 'EXDATE;VALUE=DATE:20260101,20260102'),
    ).toBe(true);
    expect(
      over('DTSTART;VALUE=DATE:20251230', 'RRULE:FREQ=DAILY;COUNT=4', 'EXDATE;VALUE=DATE:20260101'),
    ).toBe(false);
  });

  it('reads a vendor-prefixed TZID through its IANA tail', () => {
    const calendarText = calendar('REQUEST', [
      'UID:e',
      'DTSTART;TZID=/freeassociation.sourceforge.net/Tzfile/Europe/Paris:20260101T003000',
    ]);
    const parsed = VCalendar.parse(calendarText, 'event');
    const start = parsed.value(parsed.first!, 'dtstart')!;
    expect(new Date(parsed.instantOf(start)).toISOString()).toBe('2025-12-31T23:30:00.000Z');
    expect(parsed.zoneName(start)).toBe('Europe/Paris');
  });
});
