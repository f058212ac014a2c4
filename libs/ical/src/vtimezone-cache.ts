import ICAL from 'ical.js';

/** Distinct VTIMEZONE definitions kept (a deployment sees a handful: the clients' own zones). */
const CAPACITY = 256;
const known = new Map<string, ICAL.Timezone | null>();

/**
 * The ical.js time zone of a VTIMEZONE, shared by every calendar carrying the same definition (same text, so two
 * calendars defining a TZID differently still get their own). ical.js expands a zone's rules year by year from
 * their DTSTART (1970 for most clients) up to the year asked for, and keeps the expansion in the zone: building
 * the zone anew for each message repeated that expansion on every read (a third of the mail pipeline's CPU).
 * `null` when the definition is unusable (the TZID is then read through Intl). Least recently used entries go first.
 */
export function timezoneOf(vtimezone: ICAL.Component): ICAL.Timezone | null {
  const key = JSON.stringify(vtimezone.jCal);
  let timezone = known.get(key);
  if (timezone !== undefined) {
    known.delete(key);
    known.set(key, timezone);
    return timezone;
  }
  try {
    // A copy of the definition: the shared zone must not keep the first calendar alive.
    timezone = new ICAL.Timezone(new ICAL.Component(JSON.parse(key) as unknown[]));
  } catch {
    timezone = null;
  }
  known.set(key, timezone);
  if (known.size > CAPACITY) known.delete(known.keys().next().value!);
  return timezone;
}
