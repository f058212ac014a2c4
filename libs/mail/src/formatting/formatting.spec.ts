import { DateFormatter } from './date-formatting';
import { escapeHtml, markup } from './html';
import { instantOfWallTime, toIanaZone, wallTimeIn } from './time-zones';

describe('DateFormatter (mail.md §2.2, §7.3)', () => {
  const instant = new Date('2025-03-04T09:15:00Z');

  it.each([
    ['en', 'Tuesday, 04 March 2025 10:15'],
    ['fr', 'mardi, 04 mars 2025 10:15'],
    ['ru', 'вторник, 04 марта 2025 10:15'],
    ['vi', 'Thứ Ba, 04 tháng 3 2025 10:15'],
  ])('writes the full date-time in %s', (language, expected) => {
    expect(new DateFormatter(language, 'Europe/Paris').fullDateTime(instant)).toBe(expected);
  });

  it('uses a 24-hour clock and the display zone', () => {
    const formatter = new DateFormatter('en', 'America/New_York');
    expect(formatter.time(new Date('2025-07-01T20:05:00Z'))).toBe('16:05');
    expect(formatter.date(new Date('2025-07-01T02:00:00Z'))).toBe('2025-06-30');
  });

  it('falls back to English data for an unknown locale', () => {
    expect(new DateFormatter('zz-invalid-!!', 'UTC').fullDate(instant)).toBe('Tuesday, 04 March 2025');
  });
});

describe('time zones', () => {
  it('maps Windows names and vendor-prefixed ids to IANA ids', () => {
    expect(toIanaZone('Europe/Paris')).toBe('Europe/Paris');
    expect(toIanaZone('Romance Standard Time')).toBe('Europe/Paris');
    expect(toIanaZone('/freeassociation.sourceforge.net/Tzfile/Europe/Berlin')).toBe('Europe/Berlin');
    expect(toIanaZone('Mars/Olympus')).toBeUndefined();
  });

  it('reads wall times across DST changes', () => {
    const wall = { year: 2025, month: 3, day: 30, hour: 1, minute: 30, second: 0 };
    expect(instantOfWallTime(wall, 'Europe/Paris').toISOString()).toBe('2025-03-30T00:30:00.000Z');
    expect(instantOfWallTime({ ...wall, hour: 3, minute: 0 }, 'Europe/Paris').toISOString()).toBe(
      '2025-03-30T01:00:00.000Z',
    );
    expect(instantOfWallTime({ ...wall, hour: 2, minute: 30 }, 'Europe/Paris').toISOString()).toBe(
      '2025-03-30T01:30:00.000Z',
    );
    const overlap = { year: 2025, month: 10, day: 26, hour: 2, minute: 30, second: 0 };
    expect(instantOfWallTime(overlap, 'Europe/Paris').toISOString()).toBe('2025-10-26T00:30:00.000Z');
    expect(wallTimeIn(new Date('2025-05-12T07:30:00Z'), 'Asia/Ho_Chi_Minh')).toMatchObject({ hour: 14 });
  });
});

describe('markup', () => {
  it('escapes interpolations but not nested templates', () => {
    const name = '<b>Ana & "Bob"</b>';
    const inner = markup`<i>${'x'}</i>`;
    expect(markup`<p>${name}</p>${inner}${[1, 2]}${undefined}`.value).toBe(
      '<p>&lt;b&gt;Ana &amp; &quot;Bob&quot;&lt;/b&gt;</p><i>x</i>12',
    );
    expect(escapeHtml("it's")).toBe('it&#39;s');
  });
});
