import ICAL from 'ical.js';
import { InvalidCalendarError } from './calendar-errors';

/**
 * Parses ICS text into its (first) VCALENDAR. Throws `InvalidCalendarError` naming `field` (the message field the
 * text came from) for anything else.
 */
export function parseIcs(ics: string, field = 'calendar'): ICAL.Component {
  if (typeof ics !== 'string') throw new InvalidCalendarError(`${field} must be ICS text`);
  let parsed: unknown;
  try {
    parsed = ICAL.parse(ics);
  } catch (error) {
    throw new InvalidCalendarError(`${field} is not ICS: ${(error as Error).message}`);
  }
  const first = Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed;
  return asVcalendar(first, field);
}

/**
 * Reads jCal (RFC 7265: `["vcalendar", properties, components]`, already JSON-parsed, or its JSON text) into its
 * VCALENDAR. Throws `InvalidCalendarError` naming `field` for anything else.
 */
export function parseJcal(jcal: unknown, field = 'calendar'): ICAL.Component {
  let value = jcal;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (error) {
      throw new InvalidCalendarError(`${field} is not jCal: ${(error as Error).message}`);
    }
  }
  if (!isJcalComponent(value)) throw new InvalidCalendarError(`${field} is not jCal`);
  return asVcalendar(value, field);
}

/** Shape of a jCal component: `[name, properties[], components[]]`, recursively. */
function isJcalComponent(value: unknown): value is unknown[] {
  if (!Array.isArray(value) || value.length !== 3 || typeof value[0] !== 'string') return false;
  const [, properties, components] = value as [string, unknown, unknown];
  if (!Array.isArray(properties) || !Array.isArray(components)) return false;
  const property = (entry: unknown) =>
    Array.isArray(entry) &&
    entry.length >= 3 &&
    typeof entry[0] === 'string' &&
    typeof entry[1] === 'object' &&
    entry[1] !== null &&
    typeof entry[2] === 'string';
  return properties.every(property) && components.every(isJcalComponent);
}

function asVcalendar(json: unknown, field: string): ICAL.Component {
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(json as unknown[]);
  } catch (error) {
    throw new InvalidCalendarError(`${field} is not a calendar: ${(error as Error).message}`);
  }
  if (calendar.name !== 'vcalendar')
    throw new InvalidCalendarError(`${field} is not a VCALENDAR (got ${calendar.name || 'nothing'})`);
  return calendar;
}

/** ICS text of a component (CRLF line ends, folded, with a trailing CRLF). */
export function toIcs(component: ICAL.Component): string {
  return component.toString() + '\r\n';
}

/** jCal (plain JSON arrays) of a component. */
export function toJcal(component: ICAL.Component): unknown[] {
  return JSON.parse(JSON.stringify(component.toJSON())) as unknown[];
}

/** ICS text → jCal. */
export function icsToJcal(ics: string, field = 'calendar'): unknown[] {
  return toJcal(parseIcs(ics, field));
}

/** jCal → ICS text. */
export function jcalToIcs(jcal: unknown, field = 'calendar'): string {
  return toIcs(parseJcal(jcal, field));
}

export function firstEvent(calendar: ICAL.Component): ICAL.Component {
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new InvalidCalendarError('no VEVENT');
  return vevent;
}

/**
 * The ICS text with its METHOD replaced by `method` (mail.md §5.2): the top-level METHOD lines (before the first
 * component) are dropped and `METHOD:<method>` is written right after BEGIN:VCALENDAR; the rest is kept byte for
 * byte, as received.
 */
export function withMethod(ics: string, method: string): string {
  const lines = ics.replace(/\r?\n/g, '\r\n').split('\r\n');
  const begin = lines.findIndex((line) => /^BEGIN:VCALENDAR$/i.test(line.trim()));
  if (begin < 0) throw new InvalidCalendarError('no BEGIN:VCALENDAR');
  const out: string[] = [];
  let topLevel = false;
  for (const [index, line] of lines.entries()) {
    if (index === begin) {
      out.push(line, `METHOD:${method}`);
      topLevel = true;
      continue;
    }
    if (topLevel && /^BEGIN:/i.test(line)) topLevel = false;
    const continuation = line.startsWith(' ') || line.startsWith('\t');
    if (topLevel && /^METHOD[:;]/i.test(line)) {
      // drop the METHOD line and its folded continuation lines
      for (let next = index + 1; next < lines.length && /^[ \t]/.test(lines[next]!); next++)
        lines[next] = '\u0000';
      continue;
    }
    if (line === '\u0000' || (continuation && out.length === 0)) continue;
    out.push(line);
  }
  return out.join('\r\n');
}

/** A calendar is recurring when it has several VEVENTs or its first has an RRULE (events.md §3.2). */
export function isRecurring(calendar: ICAL.Component): boolean {
  const events = calendar.getAllSubcomponents('vevent');
  return events.length > 1 || Boolean(events[0]?.getFirstProperty('rrule'));
}
