import { MailTranslator } from '@app/mail';
import { seeInCalendarUrl, timeRange } from './event-blocks';
import { MailContext } from './mail-context';
import { previousInstant } from './update.mail';

const translator = {
  t: (_language: string, _template: string, key: string) => key,
} as unknown as MailTranslator;
const links = {
  spaCalendarUrl: 'https://cal.test',
  spaExcalUrl: 'https://ex.test',
  spaContactsUrl: 'https://co.test',
};
const context = (timeZone: string) =>
  new MailContext(translator, 'event-invite', { language: 'en', timeZone }, links);
const at = (iso: string, allDay = false, zone?: string) => ({ instant: new Date(iso), allDay, zone });

describe('time range (mail.md §2.2)', () => {
  it('writes a one-day range with the end time only, then the zone', () => {
    expect(timeRange(context('Europe/Paris'), at('2030-05-12T07:30:00Z'), at('2030-05-12T08:00:00Z'))).toBe(
      'Sunday, 12 May 2030 09:30 - 10:00 Europe/Paris',
    );
  });

  it('writes both full dates when the range spans days, and an open end without end', () => {
    expect(timeRange(context('UTC'), at('2030-05-12T22:00:00Z'), at('2030-05-13T01:00:00Z'))).toBe(
      'Sunday, 12 May 2030 22:00 - Monday, 13 May 2030 01:00 UTC',
    );
    expect(timeRange(context('UTC'), at('2030-05-12T22:00:00Z'), undefined)).toBe(
      'Sunday, 12 May 2030 22:00 - UTC',
    );
  });

  it('writes all-day dates as calendar dates, whatever the zone', () => {
    const start = at('2030-03-04T00:00:00Z', true);
    expect(timeRange(context('America/New_York'), start, at('2030-03-05T00:00:00Z', true))).toBe(
      'Monday, 04 March 2030 - Tuesday, 05 March 2030 (all_day)',
    );
    expect(timeRange(context('America/New_York'), start, undefined)).toBe('Monday, 04 March 2030 (all_day)');
  });

  it('dates the calendar link in the event zone', () => {
    expect(seeInCalendarUrl(context('UTC'), at('2030-05-12T23:30:00Z', false, 'Asia/Tokyo'))).toBe(
      'https://cal.test/calendar/#/calendar?start=05-13-2030',
    );
  });
});

describe('previous date-times of changes', () => {
  it('reads the wall time in its zone, and all-day values at midnight UTC', () => {
    expect(
      previousInstant({ isAllDay: false, date: '2030-05-12 09:30:00.000000', timezone: 'Europe/Paris' })
        .instant,
    ).toEqual(new Date('2030-05-12T07:30:00Z'));
    expect(
      previousInstant({ isAllDay: true, date: '2030-05-12 00:00:00.000000', timezone: 'Europe/Paris' }),
    ).toEqual({
      instant: new Date('2030-05-12T00:00:00Z'),
      allDay: true,
    });
  });
});
