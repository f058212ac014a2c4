/**
 * Time-zone resolution on top of `Intl` (IANA ids), with the Windows names some calendar clients still write and
 * vendor-prefixed TZIDs. The one place that turns a wall time into an instant and back for a named zone; a
 * calendar's own VTIMEZONE definitions are handled by `VCalendar`.
 */

const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'Dateline Standard Time': 'Etc/GMT+12',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Alaskan Standard Time': 'America/Anchorage',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Mountain Standard Time': 'America/Denver',
  'US Mountain Standard Time': 'America/Phoenix',
  'Central Standard Time': 'America/Chicago',
  'Central America Standard Time': 'America/Guatemala',
  'Mexico Standard Time': 'America/Mexico_City',
  'Canada Central Standard Time': 'America/Regina',
  'SA Pacific Standard Time': 'America/Bogota',
  'Eastern Standard Time': 'America/New_York',
  'Atlantic Standard Time': 'America/Halifax',
  'SA Western Standard Time': 'America/La_Paz',
  'Newfoundland Standard Time': 'America/St_Johns',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Argentina Standard Time': 'America/Buenos_Aires',
  UTC: 'Etc/UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'Central European Standard Time': 'Europe/Warsaw',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'GTB Standard Time': 'Europe/Bucharest',
  'FLE Standard Time': 'Europe/Kiev',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Egypt Standard Time': 'Africa/Cairo',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Russian Standard Time': 'Europe/Moscow',
  'Arab Standard Time': 'Asia/Riyadh',
  'Arabian Standard Time': 'Asia/Dubai',
  'Iran Standard Time': 'Asia/Tehran',
  'Pakistan Standard Time': 'Asia/Karachi',
  'India Standard Time': 'Asia/Calcutta',
  'Nepal Standard Time': 'Asia/Katmandu',
  'Bangladesh Standard Time': 'Asia/Dhaka',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Taipei Standard Time': 'Asia/Taipei',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'E. Australia Standard Time': 'Australia/Brisbane',
  'Cen. Australia Standard Time': 'Australia/Adelaide',
  'W. Australia Standard Time': 'Australia/Perth',
  'New Zealand Standard Time': 'Pacific/Auckland',
};

const validity = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  let valid = validity.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    validity.set(zone, valid);
  }
  return valid;
}

/** The IANA id for a TZID value (IANA already, or a Windows name); `undefined` when unknown. */
export function toIanaZone(tzid: string | undefined): string | undefined {
  if (!tzid) return undefined;
  const trimmed = tzid.trim().replace(/^"|"$/g, '');
  if (isValidTimeZone(trimmed)) return trimmed;
  const windows = WINDOWS_ZONES[trimmed];
  if (windows) return windows;
  // Some producers prefix a vendor path: /freeassociation.sourceforge.net/Tzfile/Europe/Paris
  const segments = trimmed.split('/').filter(Boolean);
  for (const length of [3, 2]) {
    const tail = segments.slice(-length).join('/');
    if (segments.length > length && isValidTimeZone(tail)) return tail;
  }
  return undefined;
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
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
    partsFormats.set(zone, format);
  }
  return format;
}

const msOf = (instant: Date | number): number => (typeof instant === 'number' ? instant : instant.getTime());

/** Epoch milliseconds of `wall` read as UTC. */
export function utcMsOf(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The UTC wall time of an instant. */
export function wallOfUtcMs(instant: Date | number): WallTime {
  const date = new Date(msOf(instant));
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

/** The wall-clock time of `instant` in the IANA `zone` (see `toIanaZone`). */
export function wallTimeIn(instant: Date | number, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(new Date(msOf(instant)))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Offset of `zone` from UTC at `instant`, in milliseconds. */
export function zoneOffsetMs(instant: Date | number, zone: string): number {
  const ms = msOf(instant);
  return utcMsOf(wallTimeIn(ms, zone)) - Math.floor(ms / 1000) * 1000;
}

/**
 * Epoch milliseconds at which the clocks of `zone` show `wall`. In an overlap (fall back) the first occurrence is
 * chosen; in a gap (spring forward) the time is read with the offset in force before the gap.
 */
export function epochMsOfWallTime(wall: WallTime, zone: string): number {
  const asUtc = utcMsOf(wall);
  const before = asUtc - zoneOffsetMs(asUtc - 43_200_000, zone);
  const after = asUtc - zoneOffsetMs(asUtc + 43_200_000, zone);
  const matches = [before, after].filter((candidate) => utcMsOf(wallTimeIn(candidate, zone)) === asUtc);
  return matches.length > 0 ? Math.min(...matches) : before;
}

/** `epochMsOfWallTime` as a Date. */
export function instantOfWallTime(wall: WallTime, zone: string): Date {
  return new Date(epochMsOfWallTime(wall, zone));
}
