import { RecurrenceRule } from '@app/ical';
import { MailContext } from './mail-context';

const WEEKDAYS: Record<string, number> = { SU: 0, MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6 };
const FREQUENCY: Record<string, string> = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' };

/** One formatter per language: building an Intl.DateTimeFormat costs far more than formatting with it. */
const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

function weekdayFormat(language: string): Intl.DateTimeFormat {
  let format = weekdayFormats.get(language);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
    } catch {
      format = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' });
    }
    if (weekdayFormats.size < 64) weekdayFormats.set(language, format);
  }
  return format;
}

function weekdayName(language: string, code: string): string {
  const day = WEEKDAYS[code.slice(-2).toUpperCase()];
  if (day === undefined) return code;
  // 2023-01-01 was a Sunday.
  return weekdayFormat(language).format(new Date(Date.UTC(2023, 0, 1 + day, 12)));
}

/** "every 2 weeks on Monday, Thursday until Tuesday, 30 June 2025": a short, translated view of an RRULE. */
export function recurrenceSummary(context: MailContext, rule: RecurrenceRule): string {
  const unit = FREQUENCY[rule.freq.toUpperCase()];
  if (!unit) return rule.freq.toLowerCase();
  const parts = [
    rule.interval > 1 ? context.t(`every_n_${unit}s`, { n: rule.interval }) : context.t(`every_${unit}`),
  ];
  if (rule.byDay.length > 0)
    parts.push(
      context.t('on_days', {
        days: rule.byDay.map((day) => weekdayName(context.locale.language, day)).join(', '),
      }),
    );
  if (rule.until) parts.push(context.t('until', { date: context.dates.fullDate(rule.until.instant) }));
  else if (rule.count) parts.push(context.t('times', { count: rule.count }));
  return parts.join(' ');
}
