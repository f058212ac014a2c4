import { ANA, BOB, calendar, weeklySync } from '@app/testing';
import { InvalidCalendarError } from './calendar-errors';
import { attendeeOf, attends, organizerOf, partstatOf, validAddress } from './addresses';
import { icsToJcal, jcalToIcs, parseJcal } from './parsing';
import { VCalendar } from './vcalendar';

describe('VCalendar', () => {
  const ics = calendar('REQUEST', weeklySync());

  it('reads the same calendar from ICS and from jCal, both ways', () => {
    const fromIcs = VCalendar.parse(ics, 'message');
    const jcal = fromIcs.toJcal();
    expect(jcal[0]).toBe('vcalendar');
    const fromJcal = VCalendar.fromJcal(jcal, 'event');
    expect(fromJcal.instantOf(fromJcal.value(fromJcal.master()!, 'dtstart')!)).toBe(
      Date.UTC(2030, 4, 12, 7, 30),
    );
    expect(fromJcal.text).toContain('SUMMARY:Weekly sync');
    expect(VCalendar.parse(jcalToIcs(icsToJcal(ics))).toJcal()).toEqual(jcal);
    expect(VCalendar.fromJcal(JSON.stringify(jcal)).vevents).toHaveLength(1);
  });

  const detailsOf = (read: () => unknown): string => {
    try {
      read();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidCalendarError);
      return (error as InvalidCalendarError).details ?? '';
    }
    throw new Error('no error');
  };

  it('names the field of invalid input', () => {
    expect(detailsOf(() => VCalendar.parse('BEGIN:VCARD\r\nEND:VCARD\r\n', 'rawEvent'))).toBe(
      'rawEvent is not a VCALENDAR (got vcard)',
    );
    expect(detailsOf(() => VCalendar.parse('not ics', 'message'))).toMatch(/^message is not ICS/);
    expect(detailsOf(() => parseJcal(['vcalendar', 'x', []], 'event'))).toBe('event is not jCal');
    expect(detailsOf(() => parseJcal('{', 'event'))).toMatch(/^event is not jCal/);
    expect(detailsOf(() => parseJcal(['vcard', [], []], 'event'))).toMatch(/event is not a VCALENDAR/);
  });

  it('finds organizer, attendees and participation, addresses normalised', () => {
    const vevent = VCalendar.parse(ics).master()!;
    expect(organizerOf(vevent)).toBe('ana@example.org');
    expect(attendeeOf(vevent, 'MAILTO:BOB@example.org')?.getParameter('cn')).toBe('Bob');
    expect(partstatOf(vevent, 'ana@example.org')).toBe('ACCEPTED');
    expect(attends(vevent, '<mailto:carla@example.org>')).toBe(true);
    expect(validAddress(' <mailto:Dan@Partner.test> ')).toBe('Dan@Partner.test');
    expect(validAddress('nobody')).toBeUndefined();
    expect([ANA, BOB].every((line) => line.startsWith('ATTENDEE'))).toBe(true);
  });
});
