import { PARIS_VTIMEZONE, calendar, weeklySync } from '@app/testing';
import { VCalendar } from './vcalendar';

describe('VTIMEZONE definitions shared between calendars', () => {
  const startOf = (ics: string) => {
    const parsed = VCalendar.parse(ics);
    return parsed.instantOf(parsed.value(parsed.master()!, 'dtstart')!);
  };

  it('reads the same definition alike in every calendar (the zone built once)', () => {
    const ics = calendar('REQUEST', weeklySync());
    expect(startOf(ics)).toBe(Date.UTC(2030, 4, 12, 7, 30));
    expect(startOf(ics)).toBe(Date.UTC(2030, 4, 12, 7, 30));
  });

  it('keeps a calendar that defines the same TZID differently apart', () => {
    // "Europe/Paris" without summer time, +01:00 all year: 09:30 there is 08:30 UTC in May.
    const fixed = [
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Paris',
      'BEGIN:STANDARD',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0100',
      'TZNAME:CET',
      'DTSTART:19700101T000000',
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
    const paris = calendar('REQUEST', weeklySync());
    const other = paris.replace(PARIS_VTIMEZONE.join('\r\n'), fixed.join('\r\n'));
    expect(other).not.toBe(paris);
    expect(startOf(paris)).toBe(Date.UTC(2030, 4, 12, 7, 30));
    expect(startOf(other)).toBe(Date.UTC(2030, 4, 12, 8, 30));
    expect(startOf(paris)).toBe(Date.UTC(2030, 4, 12, 7, 30));
  });
});
