const UNIT_MS: Record<string, number> = {
  ms: 1,
  msec: 1,
  msecs: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  w: 604_800_000,
  week: 604_800_000,
  weeks: 604_800_000,
  month: 2_592_000_000,
  months: 2_592_000_000,
  y: 31_536_000_000,
  year: 31_536_000_000,
  years: 31_536_000_000,
};

export type DurationUnit = 'ms' | 's' | 'm' | 'h' | 'd' | 'y';

const DURATION = /^(\d+)\s*([A-Za-z]*)$/;
const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/**
 * Parses a duration written as an integer and an optional unit (`500ms`, `30 s`, `5 minutes`, `1d`).
 * A bare number takes `defaultUnit`. Returns milliseconds, or `undefined` when the text is not a duration.
 */
export function parseDuration(text: string, defaultUnit: DurationUnit): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const unit = (match[2] || defaultUnit).toLowerCase();
  const factor = UNIT_MS[unit];
  if (factor === undefined) return undefined;
  return Number(match[1]) * factor;
}

/** ISO-8601 durations limited to days, hours, minutes and seconds (`PT12H`, `P1DT2H`). Returns milliseconds. */
export function parseIsoDuration(text: string): number | undefined {
  const match = ISO_DURATION.exec(text.trim());
  if (!match || text.trim().toUpperCase() === 'P' || text.trim().toUpperCase().endsWith('T'))
    return undefined;
  const [, days, hours, minutes, seconds] = match;
  return (
    Number(days ?? 0) * 86_400_000 +
    Number(hours ?? 0) * 3_600_000 +
    Number(minutes ?? 0) * 60_000 +
    Math.round(Number(seconds ?? 0) * 1000)
  );
}
