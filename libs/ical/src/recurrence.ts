import ICAL from 'ical.js';
import { VCalendar, ZonedValue, occurrenceKey, toIcalTime, wallOf } from './vcalendar';

/** One occurrence of an event: the master's (possibly repeated) instance, or the override that replaces it. */
export interface Occurrence {
  /** `occurrenceKey` of its RECURRENCE-ID (the original start), as overrides are matched. */
  readonly key: string;
  /** The original start of the instance (RECURRENCE-ID of an override; the generated start otherwise). */
  readonly recurrenceId: ZonedValue;
  /** Its start as written (an override's own DTSTART). */
  readonly start: ZonedValue;
  readonly startMs: number;
  /** Start plus the instance's duration (DTEND, else DURATION; a DATE without either lasts one day). */
  readonly endMs: number;
  /** The master VEVENT, or the override VEVENT. */
  readonly vevent: ICAL.Component;
  readonly isOverride: boolean;
}

export interface ExpansionWindow {
  /** Occurrences ending after this instant (epoch ms; zero-length ones starting at or after it). */
  fromMs: number;
  /** Occurrences starting before this instant (epoch ms); `Infinity` with a `limit` for "the next N". */
  toMs: number;
  /** At most this many occurrences, the earliest first (default 1000). */
  limit?: number;
  /** At most this many instances generated from the rule (default 50 000): a runaway rule stops here. */
  maxIterations?: number;
  /** Only occurrences starting at or after `fromMs` (not those in progress then). */
  startingOnly?: boolean;
  /** Called when the rule was cut short by `maxIterations` (a rule that runs away, or matches nothing for ever). */
  onIterationLimit?: () => void;
}

export const DEFAULT_OCCURRENCE_LIMIT = 1000;
export const DEFAULT_MAX_ITERATIONS = 50_000;
const DAY_MS = 86_400_000;

/** Overrides of the calendar's master, by `occurrenceKey` of their RECURRENCE-ID. */
export function overridesOf(calendar: VCalendar): Map<string, ICAL.Component> {
  const overrides = new Map<string, ICAL.Component>();
  for (const vevent of calendar.vevents) {
    const recurrenceId = calendar.value(vevent, 'recurrence-id');
    if (recurrenceId) overrides.set(occurrenceKey(calendar, recurrenceId), vevent);
  }
  return overrides;
}

/** The VEVENT describing the instance `recurrenceId` (its override, else the master). */
export function eventForRecurrence(
  calendar: VCalendar,
  recurrenceId?: ZonedValue,
): ICAL.Component | undefined {
  if (!recurrenceId) return calendar.master() ?? calendar.first;
  return overridesOf(calendar).get(occurrenceKey(calendar, recurrenceId)) ?? calendar.master();
}

function durationMs(calendar: VCalendar, vevent: ICAL.Component, start: ZonedValue): number {
  const end = calendar.effectiveEnd(vevent);
  if (end) return Math.max(0, calendar.instantOf(end) - calendar.instantOf(start));
  return start.isDate ? DAY_MS : 0;
}

function overlaps(startMs: number, endMs: number, window: ExpansionWindow): boolean {
  if (startMs >= window.toMs) return false;
  if (window.startingOnly) return startMs >= window.fromMs;
  return endMs > startMs ? endMs > window.fromMs : startMs >= window.fromMs;
}

/**
 * The occurrences of the calendar's event that overlap the window, earliest first: the master's DTSTART, its RRULE
 * instances and RDATEs, minus its EXDATEs, each replaced by its override when there is one (an override moved into
 * the window counts, one moved out does not). Rule instances are generated in the wall time of DTSTART, then read as
 * instants in its zone (the calendar's VTIMEZONE, else the IANA zone). Bounded by `limit` and `maxIterations`.
 *
 * ```ts
 * const next = expandOccurrences(calendar, { fromMs: Date.now(), toMs: Infinity, limit: 1 })[0];
 * ```
 */
export function expandOccurrences(calendar: VCalendar, window: ExpansionWindow): Occurrence[] {
  const limit = window.limit ?? DEFAULT_OCCURRENCE_LIMIT;
  const maxIterations = window.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const overrides = overridesOf(calendar);
  const found: Occurrence[] = [];

  for (const [key, vevent] of overrides) {
    const start = calendar.value(vevent, 'dtstart');
    if (!start) continue;
    const startMs = calendar.instantOf(start);
    const endMs = startMs + durationMs(calendar, vevent, start);
    if (!overlaps(startMs, endMs, window)) continue;
    const recurrenceId = calendar.value(vevent, 'recurrence-id')!;
    found.push({ key, recurrenceId, start, startMs, endMs, vevent, isOverride: true });
  }

  const master = calendar.master();
  const dtstart = master && calendar.value(master, 'dtstart');
  if (master && dtstart) {
    const length = durationMs(calendar, master, dtstart);
    const excluded = new Set(
      calendar.values(master, 'exdate').map((value) => occurrenceKey(calendar, value)),
    );
    const seen = new Set<string>();
    let generated = 0;
    const consider = (start: ZonedValue): boolean => {
      const startMs = calendar.instantOf(start);
      if (startMs >= window.toMs) return false;
      const key = occurrenceKey(calendar, start);
      if (seen.has(key) || excluded.has(key) || overrides.has(key)) return true;
      seen.add(key);
      const endMs = startMs + length;
      if (overlaps(startMs, endMs, window)) {
        found.push({ key, recurrenceId: start, start, startMs, endMs, vevent: master, isOverride: false });
        generated++;
      }
      return generated < limit;
    };
    const rdates = calendar.values(master, 'rdate').map((value) => ({
      ...value,
      // an RDATE without its own zone takes DTSTART's
      ...(value.tzid || value.utc || value.isDate ? {} : dtstart.tzid ? { tzid: dtstart.tzid } : {}),
    }));
    let rule: unknown;
    try {
      rule = master.getFirstPropertyValue('rrule');
    } catch {
      rule = undefined;
    }
    if (rule instanceof ICAL.Recur) {
      const iterator = rule.iterator(toIcalTime(dtstart));
      let count = 0;
      for (; count < maxIterations; count++) {
        const next = iterator.next();
        if (!next) break;
        if (!consider({ ...dtstart, wall: wallOf(next) })) break;
      }
      if (count >= maxIterations) window.onIterationLimit?.();
    } else {
      consider(dtstart);
    }
    for (const rdate of rdates) consider(rdate);
  }

  return found.sort((a, b) => a.startMs - b.startMs).slice(0, limit);
}

/** The first occurrence starting at or after `afterMs`, if any. */
export function nextOccurrence(calendar: VCalendar, afterMs: number): Occurrence | undefined {
  return expandOccurrences(calendar, { fromMs: afterMs, toMs: Infinity, limit: 1, startingOnly: true })[0];
}
