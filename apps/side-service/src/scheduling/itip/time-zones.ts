/**
 * Wall time ⇄ instant in IANA zones with `Intl` only, for TZIDs that come without a VTIMEZONE in the calendar.
 */

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formats = new Map<string, Intl.DateTimeFormat | null>();

function formatOf(zone: string): Intl.DateTimeFormat | null {
  let format = formats.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      format = null;
    }
    formats.set(zone, format);
  }
  return format;
}

/**
 * The IANA id `Intl` knows for a TZID: the TZID itself, or the last two or three segments of a vendor-prefixed one
 * (`/freeassociation.sourceforge.net/Tzfile/Europe/Paris`); `undefined` when unknown.
 */
export function ianaZoneOf(tzid: string): string | undefined {
  const trimmed = tzid.trim().replace(/^"|"$/g, '');
  if (formatOf(trimmed)) return trimmed;
  const segments = trimmed.split('/').filter(Boolean);
  for (const length of [3, 2]) {
    const tail = segments.slice(-length).join('/');
    if (segments.length > length && formatOf(tail)) return tail;
  }
  return undefined;
}

export function utcMsOf(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

export function wallOfUtcMs(ms: number): WallTime {
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

/** The wall-clock time of `instantMs` in the IANA `zone`. */
export function wallTimeIn(instantMs: number, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatOf(zone)!.formatToParts(new Date(instantMs)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

const offsetMs = (instantMs: number, zone: string) =>
  utcMsOf(wallTimeIn(instantMs, zone)) - Math.floor(instantMs / 1000) * 1000;

/**
 * The instant at which the clocks of the IANA `zone` show `wall`: in an overlap the first one, in a gap the wall
 * time read with the offset in force before the gap.
 */
export function instantOfWallTime(wall: WallTime, zone: string): number {
  const asUtc = utcMsOf(wall);
  const before = asUtc - offsetMs(asUtc - 43_200_000, zone);
  const after = asUtc - offsetMs(asUtc + 43_200_000, zone);
  const matches = [before, after].filter((candidate) => utcMsOf(wallTimeIn(candidate, zone)) === asUtc);
  return matches.length > 0 ? Math.min(...matches) : before;
}
