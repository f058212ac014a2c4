import { ICAL, VCalendar, ZonedValue, toIcalTime, wallOf } from '@app/ical';

/** Bound on the RRULE occurrences looked at; an event whose rule goes further is kept. */
const MAX_OCCURRENCES = 100_000;

/**
 * Expiry filter of events.md §3.2: whether the first VEVENT of `event` is over at `nowMs`. Non-recurring: DTSTART
 * before now. With RRULE/RDATE: no occurrence (DTSTART, RRULE expansion, RDATE, minus EXDATE) at or after now; an
 * RRULE without UNTIL/COUNT never ends. No parsable DTSTART: not over.
 */
export function isEventOver(event: VCalendar, nowMs: number): boolean {
  try {
    return isOver(event, nowMs);
  } catch {
    return false; // unreadable recurrence: kept
  }
}

function isOver(event: VCalendar, nowMs: number): boolean {
  const vevent = event.first;
  const start = vevent && event.value(vevent, 'dtstart');
  if (!vevent || !start) return false;
  const rrules = vevent.getAllProperties('rrule').map((property) => property.getFirstValue());
  const rdates = event.values(vevent, 'rdate');
  if (rrules.length === 0 && rdates.length === 0) return event.instantOf(start) < nowMs;
  if (rrules.some((rule) => rule instanceof ICAL.Recur && !rule.isFinite())) return false;

  const excluded = new Set(event.values(vevent, 'exdate').map((value) => exclusionKey(event, value, start)));
  const upcoming = (value: ZonedValue) =>
    event.instantOf(value) >= nowMs && !excluded.has(exclusionKey(event, value, start));
  if (upcoming(start) || rdates.some(upcoming)) return false;
  for (const rule of rrules) {
    if (!(rule instanceof ICAL.Recur)) continue;
    const iterator = rule.iterator(toIcalTime(start));
    for (let count = 0; count < MAX_OCCURRENCES; count++) {
      const next = iterator.next();
      if (!next) break;
      if (upcoming({ ...start, wall: wallOf(next) })) return false;
    }
    if (!iterator.completed) return false;
  }
  return true;
}

/** EXDATEs are compared as instants, as dates when the series is all-day. */
function exclusionKey(event: VCalendar, value: ZonedValue, start: ZonedValue): string {
  const { year, month, day } = value.wall;
  return start.isDate ? `${year}-${month}-${day}` : String(event.instantOf(value));
}
