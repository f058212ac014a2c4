import { DateFormatter } from './date-formatting';
import { escapeHtml, markup } from './html';

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
