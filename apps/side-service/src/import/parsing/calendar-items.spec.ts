import { calendarItems } from './calendar-items';
import { calendarItemDefect, failedEvent, serializeCalendarItem } from './calendar-item.serializer';
import { contentLines, foldLine } from './content-lines';
import { failedContact, serializeVCard, vcardDefect, vcards } from './vcards';

/** The text cut into pieces of `size` bytes, splitting lines, CRLFs and UTF-8 characters. */
async function* bytes(text: string, size = 7): AsyncIterable<Buffer> {
  const buffer = Buffer.from(text);
  for (let offset = 0; offset < buffer.length; offset += size) yield buffer.subarray(offset, offset + size);
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Example//EN',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'BEGIN:STANDARD',
  'DTSTART:19701025T030000',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:weekly',
  'DTSTART;TZID=Europe/Paris:20260105T100000',
  'DTEND;TZID=Europe/Paris:20260105T110000',
  'RRULE:FREQ=WEEKLY;COUNT=5',
  'SUMMARY:Réunion d\u2019équipe avec un titre assez long pour être plié sur plusieurs lignes, accents compris',
  'BEGIN:VALARM',
  'UID:alarm-uid-is-not-the-event-uid',
  'TRIGGER:-PT15M',
  'ACTION:DISPLAY',
  'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:single',
  'DTSTART:20260110T090000Z',
  'SUMMARY:Single',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:weekly',
  'RECURRENCE-ID;TZID=Europe/Paris:20260112T100000',
  'DTSTART;TZID=Europe/Paris:20260112T140000',
  'SUMMARY:Moved',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'SUMMARY:No UID',
  'DTSTART:20260110T090000Z',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:broken',
  'DTSTART:not-a-date',
  'SUMMARY:Broken',
  'END:VEVENT',
  'BEGIN:VTODO',
  'UID:task',
  'SUMMARY:Task',
  'END:VTODO',
  'END:VCALENDAR',
  '',
]
  .map(foldLine)
  .join('\r\n');

describe('content lines', () => {
  it('unfolds CRLF and LF lines split anywhere, UTF-8 included', async () => {
    const text = 'A:1\r\nSUMMARY:é\r\n  suite\r\n\tfin\nB:2\n\r\nC:3';
    for (const size of [1, 2, 3, 100])
      expect(await all(contentLines(bytes(text, size)))).toEqual(['A:1', 'SUMMARY:é suitefin', 'B:2', 'C:3']);
  });

  it('folds at 75 octets without cutting a character', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'é'.repeat(60)}`);
  });
});

describe('calendar items', () => {
  it('groups each UID with its overrides, adds the referenced time zones, isolates defects', async () => {
    const items = await all(calendarItems(() => bytes(ICS)));
    expect(items.map((item) => [item.uid, item.components.length, item.defect])).toEqual([
      ['single', 1, undefined],
      ['weekly', 2, undefined],
      [undefined, 1, 'VEVENT without UID'],
      ['broken', 1, undefined],
      ['task', 1, undefined],
    ]);
    const weekly = items[1]!;
    expect(weekly.timezones.map((zone) => zone.lines[1])).toEqual(['TZID:Europe/Paris']);
    const ics = serializeCalendarItem(weekly);
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:.*\r\nBEGIN:VTIMEZONE\r\n/);
    expect(calendarItemDefect(ics)).toBeUndefined();
    expect(items[0]!.timezones).toEqual([]);
    expect(calendarItemDefect(serializeCalendarItem(items[3]!))).toMatch(/invalid date-time/);
    expect(calendarItemDefect(serializeCalendarItem(items[4]!))).toBeUndefined();
    expect(failedEvent(weekly)).toEqual({
      uid: 'weekly',
      summary: expect.stringContaining('Réunion'),
      start: '20260105T100000',
      end: '20260105T110000',
    });
  });

  it('reports unterminated components and refuses a file without VCALENDAR', async () => {
    const broken =
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART:20260101T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const items = await all(calendarItems(() => bytes(broken)));
    expect(items.map((item) => [item.uid, item.defect])).toEqual([
      ['a', 'VEVENT not terminated'],
      ['b', undefined],
    ]);
    await expect(all(calendarItems(() => bytes('BEGIN:VCARD\r\nEND:VCARD\r\n')))).rejects.toThrow(
      'no VCALENDAR',
    );
  });
});

describe('vCards', () => {
  const cards = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'PRODID:-//Apple Inc.//Mac OS X//EN',
    'UID:old-uid',
    'FN:Jean Dupont',
    'N:Dupont;Jean;;;',
    'item1.EMAIL;TYPE=INTERNET,pref:jean@example.test',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:4.0',
    'FN:Anna',
    'EMAIL;TYPE=work:anna@example.test',
    'END:VCARD',
    '',
  ].join('\n');

  it('replaces or adds the UID and drops PRODID', async () => {
    const [first, second] = await all(vcards(bytes(cards, 5)));
    const text = serializeVCard(first!, 'new-uid');
    expect(text).toBe(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:new-uid\r\nFN:Jean Dupont\r\nN:Dupont;Jean;;;\r\n' +
        'item1.EMAIL;TYPE=INTERNET,pref:jean@example.test\r\nEND:VCARD\r\n',
    );
    expect(vcardDefect(first!, text)).toBeUndefined();
    expect(failedContact(first!)).toEqual({ email: 'jean@example.test' });
    expect(serializeVCard(second!, 'u2')).toBe(
      'BEGIN:VCARD\r\nVERSION:4.0\r\nUID:u2\r\nFN:Anna\r\nEMAIL;TYPE=work:anna@example.test\r\nEND:VCARD\r\n',
    );
  });
});

describe('multipart', () => {
  it('streams the first file part, wherever the chunks split', async () => {
    const { firstFilePart, multipartBoundary } = await import('./multipart');
    const boundary = multipartBoundary('multipart/form-data; boundary="----b0undary"')!;
    expect(boundary).toBe('----b0undary');
    expect(multipartBoundary('text/calendar')).toBeUndefined();
    const body = [
      'preamble',
      '------b0undary',
      'Content-Disposition: form-data; name="note"',
      '',
      'not the file',
      '------b0undary',
      'Content-Disposition: form-data; name="file"; filename="a.ics"',
      'Content-Type: text/calendar',
      '',
      'BEGIN:VCALENDAR\r\n--not-a-boundary\r\nEND:VCALENDAR',
      '------b0undary',
      'Content-Disposition: form-data; name="file2"; filename="b.ics"',
      '',
      'second file',
      '------b0undary--',
      '',
    ].join('\r\n');
    for (const size of [1, 3, 16, 1000]) {
      const content = Buffer.concat(await all(firstFilePart(bytes(body, size), boundary))).toString();
      expect(content).toBe('BEGIN:VCALENDAR\r\n--not-a-boundary\r\nEND:VCALENDAR');
    }
    await expect(
      all(firstFilePart(bytes('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n--x--'), 'x')),
    ).rejects.toThrow('Invalid multipart body');
  });
});
