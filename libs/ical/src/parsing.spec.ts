import { isRecurring, parseIcs as parseCalendar, withMethod } from './parsing';

describe('withMethod (mail.md §5.2)', () => {
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'METHOD:REQ',
    ' UEST',
    'PRODID:x',
    'BEGIN:VEVENT',
    'UID:a',
    'DESCRIPTION:METHOD:not a property of the calendar',
    'DTSTART:20300101T100000Z',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

  it('replaces the top-level METHOD, folded lines included, and keeps the rest as is', () => {
    const out = withMethod(ics, 'CANCEL');
    expect(out.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'METHOD:CANCEL',
      'VERSION:2.0',
      'PRODID:x',
      'BEGIN:VEVENT',
      'UID:a',
      'DESCRIPTION:METHOD:not a property of the calendar',
      'DTSTART:20300101T100000Z',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
    expect(parseCalendar(out).getFirstPropertyValue('method')).toBe('CANCEL');
  });

  it('adds a METHOD to a calendar without one', () => {
    const bare = ics.replace('METHOD:REQ\r\n UEST\r\n', '').replace(/\r\n/g, '\n');
    expect(parseCalendar(withMethod(bare, 'REPLY')).getFirstPropertyValue('method')).toBe('REPLY');
    expect(isRecurring(parseCalendar(bare))).toBe(false);
  });
});
