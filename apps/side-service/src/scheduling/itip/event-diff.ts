import {
  ICAL,
  attendeeOf,
  attends,
  organizerOf,
  partstatOf,
  VCalendar,
  ZonedValue,
  clone,
  formatWall,
  occurrenceKey,
  toIcalTime,
  wallOf,
  zonedProperty,
} from '@app/ical';
import { DateChange, EventChanges, ZonedDate } from '@app/messaging';

/** A VEVENT with the calendar whose time zones it is read with. */
export interface VersionedEvent {
  calendar: VCalendar;
  vevent: ICAL.Component;
}

/** One notification the diff asks for: the new VEVENT, whether it is new to the recipient, what changed. */
export interface DiffEntry {
  vevent: ICAL.Component;
  isNewEvent: boolean;
  changes?: EventChanges;
}

const TEXT_FIELDS = ['summary', 'location', 'description'] as const;

/** The diff of events.md §3.2 between the previous and the new version, seen from `recipient`. */
export function diffEntries(next: VCalendar, previous: VCalendar, recipient: string): DiffEntry[] {
  if (!next.isRecurring() && !previous.isRecurring()) {
    const [after, before] = [next.first, previous.first];
    if (!after) return [];
    const [attendsBefore, attendsAfter] = [attends(before, recipient), attends(after, recipient)];
    if (!attendsBefore && !attendsAfter) return [];
    const changes = before
      ? trackedChanges({ calendar: previous, vevent: before }, { calendar: next, vevent: after })
      : {};
    const unchanged =
      attendsBefore &&
      attendsAfter &&
      Object.keys(changes).length === 0 &&
      !organizerAccepted(before!, after) &&
      !(isPubliclyCreated(after) && organizerDeclined(before!, after)) &&
      (partstatOf(before, recipient) ?? 'NEEDS-ACTION') === (partstatOf(after, recipient) ?? 'NEEDS-ACTION');
    return unchanged ? [] : [entry(after, !attendsBefore, changes)];
  }

  const oldByKey = byOccurrence(previous);
  const oldMaster = oldByKey.get('master');
  const entries: DiffEntry[] = [];
  for (const [key, after] of byOccurrence(next)) {
    const sameKey = oldByKey.get(key);
    const before = sameKey ?? (oldMaster && occurrenceOf(previous, oldMaster, next, after));
    const attendsBefore = attends(before, recipient);
    if (!attendsBefore && !attends(after, recipient)) continue;
    const changes = before
      ? trackedChanges({ calendar: previous, vevent: before }, { calendar: next, vevent: after })
      : {};
    if (sameKey && Object.keys(changes).length === 0 && !organizerAccepted(sameKey, after)) continue;
    entries.push(entry(after, !attendsBefore, changes));
  }
  return entries;
}

function entry(vevent: ICAL.Component, isNewEvent: boolean, changes: EventChanges): DiffEntry {
  return { vevent, isNewEvent, ...(Object.keys(changes).length > 0 ? { changes } : {}) };
}

/** VEVENTs keyed by RECURRENCE-ID (`master` without one; the first of a key wins). */
function byOccurrence(calendar: VCalendar): Map<string, ICAL.Component> {
  const keyed = new Map<string, ICAL.Component>();
  for (const vevent of calendar.vevents) {
    const recurrenceId = calendar.value(vevent, 'recurrence-id');
    const key = vevent.getFirstProperty('recurrence-id')
      ? recurrenceId
        ? occurrenceKey(calendar, recurrenceId)
        : `raw:${String(vevent.getFirstProperty('recurrence-id')?.toICALString())}`
      : 'master';
    if (!keyed.has(key)) keyed.set(key, vevent);
  }
  return keyed;
}

/** The old master instantiated at the RECURRENCE-ID of `after`, or the old master itself (no parsable id). */
function occurrenceOf(
  previous: VCalendar,
  oldMaster: ICAL.Component,
  next: VCalendar,
  after: ICAL.Component,
): ICAL.Component {
  const recurrenceId = next.value(after, 'recurrence-id');
  return recurrenceId
    ? instantiate(previous, oldMaster, recurrenceId, next.instantOf(recurrenceId))
    : oldMaster;
}

/**
 * A master instantiated at an occurrence (events.md §3.2): DTSTART moved to the occurrence (kept in the master's
 * zone), DTEND = DTSTART + the master's duration, RRULE/RDATE/EXDATE/DURATION dropped, RECURRENCE-ID set;
 * `STATUS:CANCELLED` when `cancelled`.
 */
export function instantiate(
  calendar: VCalendar,
  master: ICAL.Component,
  at: ZonedValue,
  atInstantMs: number,
  cancelled = false,
): ICAL.Component {
  const copy = clone(master);
  const start = calendar.value(master, 'dtstart');
  const end = calendar.effectiveEnd(master);
  const occurrence = start ? occurrenceStart(calendar, start, at, atInstantMs) : at;
  for (const name of ['dtstart', 'dtend', 'duration', 'rrule', 'rdate', 'exdate', 'exrule', 'recurrence-id'])
    copy.removeAllProperties(name);
  copy.addProperty(zonedProperty('dtstart', occurrence));
  if (start && end) {
    const endTime = toIcalTime(occurrence);
    endTime.addDuration(toIcalTime(end).subtractDate(toIcalTime(start)));
    copy.addProperty(zonedProperty('dtend', { ...occurrence, wall: wallOf(endTime) }));
  }
  copy.addProperty(zonedProperty('recurrence-id', occurrence));
  if (cancelled) copy.updatePropertyWithValue('status', 'CANCELLED');
  return copy;
}

function occurrenceStart(calendar: VCalendar, start: ZonedValue, at: ZonedValue, atMs: number): ZonedValue {
  const date = { year: at.wall.year, month: at.wall.month, day: at.wall.day };
  if (start.isDate) return { ...start, wall: { ...date, hour: 0, minute: 0, second: 0 } };
  if (at.isDate) return { ...start, wall: { ...start.wall, ...date } };
  if (calendar.sameZoned({ ...at, wall: start.wall }, start)) return { ...start, wall: at.wall };
  return { ...start, wall: calendar.wallIn(atMs, start) };
}

/** SUMMARY, LOCATION, DESCRIPTION (exact text, missing = empty), DTSTART and the effective end as zoned times. */
export function trackedChanges(before: VersionedEvent, after: VersionedEvent): EventChanges {
  const changes: EventChanges = {};
  for (const field of TEXT_FIELDS) {
    const [previous, current] = [text(before.vevent, field), text(after.vevent, field)];
    if (previous !== current) changes[field] = { previous, current };
  }
  const [startBefore, startAfter] = [dateOf(before, 'dtstart'), dateOf(after, 'dtstart')];
  if (!after.calendar.sameZoned(startBefore, startAfter))
    changes.dtstart = sides(before, startBefore, after, startAfter);
  const [endBefore, endAfter] = [
    before.calendar.effectiveEnd(before.vevent),
    after.calendar.effectiveEnd(after.vevent),
  ];
  if (!after.calendar.sameZoned(endBefore, endAfter))
    changes.dtend = sides(before, dateOf(before, 'dtend'), after, dateOf(after, 'dtend'));
  return changes;
}

const text = (vevent: ICAL.Component, name: string) => {
  const value = vevent.getFirstPropertyValue(name);
  return value === null || value === undefined ? '' : String(value);
};

const dateOf = (version: VersionedEvent, name: string) => version.calendar.value(version.vevent, name);

function sides(
  before: VersionedEvent,
  previous: ZonedValue | undefined,
  after: VersionedEvent,
  current: ZonedValue | undefined,
): DateChange {
  return {
    ...(previous ? { previous: zonedDate(before.calendar, previous) } : {}),
    ...(current ? { current: zonedDate(after.calendar, current) } : {}),
  };
}

function zonedDate(calendar: VCalendar, value: ZonedValue): ZonedDate {
  return {
    isAllDay: value.isDate,
    date: formatWall(value.wall),
    timezone_type: 3,
    timezone: calendar.zoneName(value),
  };
}

/** The organizer's own ATTENDEE went from NEEDS-ACTION/DECLINED to ACCEPTED/TENTATIVE. */
export function organizerAccepted(before: ICAL.Component, after: ICAL.Component): boolean {
  const [previous, current] = organizerPartstats(before, after);
  return (
    previous !== undefined &&
    ['NEEDS-ACTION', 'DECLINED'].includes(previous) &&
    ['ACCEPTED', 'TENTATIVE'].includes(current ?? '')
  );
}

/** The organizer's own ATTENDEE went from anything but DECLINED to DECLINED. */
function organizerDeclined(before: ICAL.Component, after: ICAL.Component): boolean {
  const [previous, current] = organizerPartstats(before, after);
  return previous !== undefined && previous !== 'DECLINED' && current === 'DECLINED';
}

/** PARTSTATs of the organizer's ATTENDEE before and after (absent PARTSTAT = NEEDS-ACTION); none if not attending. */
function organizerPartstats(before: ICAL.Component, after: ICAL.Component): [string?, string?] {
  const organizer = organizerOf(after);
  if (!organizer || !attendeeOf(before, organizer) || !attendeeOf(after, organizer)) return [];
  return [partstatOf(before, organizer) ?? 'NEEDS-ACTION', partstatOf(after, organizer) ?? 'NEEDS-ACTION'];
}

function isPubliclyCreated(vevent: ICAL.Component): boolean {
  return (
    String(vevent.getFirstPropertyValue('x-publicly-created') ?? '')
      .trim()
      .toLowerCase() === 'true'
  );
}
