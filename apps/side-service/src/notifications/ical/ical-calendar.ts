import ICAL from 'ical.js';
import { InvalidCalendarError } from './calendar-errors';

/** Parses ICS text into its VCALENDAR. */
export function parseCalendar(ics: string): ICAL.Component {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(ics);
  } catch (error) {
    throw new InvalidCalendarError(`unparsable ICS: ${(error as Error).message}`);
  }
  const first = Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed;
  const calendar = new ICAL.Component(first as unknown[]);
  if (calendar.name !== 'vcalendar')
    throw new InvalidCalendarError(`expected a VCALENDAR, got ${calendar.name}`);
  return calendar;
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
