import { WallTime, wallTimeIn } from '@app/ical';

const formats = new Map<string, Intl.DateTimeFormat>();

function usableLocale(language: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0 ? language : 'en';
  } catch {
    return 'en';
  }
}

function format(language: string, zone: string, options: Intl.DateTimeFormatOptions, kind: string) {
  const key = `${language}|${zone}|${kind}`;
  let result = formats.get(key);
  if (!result) {
    result = new Intl.DateTimeFormat(usableLocale(language), { timeZone: zone, ...options });
    formats.set(key, result);
  }
  return result;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The date and time fields of mail.md §2.2, in the recipient's display zone and language: `fullDate` is
 * `weekday, dd month yyyy` assembled from `formatToParts` (the month taken from a day+month format, so that
 * Russian gets its genitive form), never the locale's own long-date pattern.
 */
export class DateFormatter {
  constructor(
    readonly language: string,
    readonly zone: string,
  ) {}

  wall(instant: Date): WallTime {
    return wallTimeIn(instant, this.zone);
  }

  /** `yyyy-MM-dd`, only to tell whether two instants fall on the same day. */
  date(instant: Date): string {
    const wall = this.wall(instant);
    return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
  }

  /** `HH:mm`, a 24-hour clock in every language. */
  time(instant: Date): string {
    const wall = this.wall(instant);
    return `${pad(wall.hour)}:${pad(wall.minute)}`;
  }

  fullDate(instant: Date): string {
    const weekday = format(this.language, this.zone, { weekday: 'long' }, 'weekday').format(instant);
    const dayMonth = format(this.language, this.zone, { day: 'numeric', month: 'long' }, 'day-month');
    const month = dayMonth.formatToParts(instant).find((part) => part.type === 'month')?.value ?? '';
    const wall = this.wall(instant);
    return `${weekday}, ${pad(wall.day)} ${month} ${wall.year}`;
  }

  fullDateTime(instant: Date): string {
    return `${this.fullDate(instant)} ${this.time(instant)}`;
  }
}
