const MINUTE_MS = 60_000;

function usableLocale(language: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([language]).length > 0 ? language : 'en';
  } catch {
    return 'en';
  }
}

function unit(language: string, value: number, name: 'day' | 'hour' | 'minute'): string {
  return new Intl.NumberFormat(usableLocale(language), {
    style: 'unit',
    unit: name,
    unitDisplay: 'long',
  }).format(value);
}

/**
 * "In how long" of the alarm mail (mail.md §7.4): rounded up to whole minutes; from one day, days plus hours when
 * not zero; from one hour, hours plus minutes when not zero; else minutes. Each unit in the locale's long form.
 */
export function alarmDuration(language: string, durationMs: number): string {
  const minutes = Math.max(0, Math.ceil(durationMs / MINUTE_MS));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days >= 1) {
    parts.push(unit(language, days, 'day'));
    if (hours > 0) parts.push(unit(language, hours, 'hour'));
  } else if (hours >= 1) {
    parts.push(unit(language, hours, 'hour'));
    if (rest > 0) parts.push(unit(language, rest, 'minute'));
  } else {
    parts.push(unit(language, minutes, 'minute'));
  }
  return parts.join(' ');
}
