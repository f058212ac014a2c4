import {
  ICAL,
  Occurrence,
  VCalendar,
  ZonedValue,
  addressKey,
  expandOccurrences,
  partstatOf,
  validAddress,
} from '@app/ical';
import type { AlarmAction } from '@app/persistence';

const YEAR_MS = 365 * 86_400_000;

/** The earliest alarm of a calendar for one user (events.md §4.2). */
export interface NextAlarm {
  alarmTime: Date;
  /** Start of the occurrence the alarm is about. */
  eventStartTime: Date;
  /** RECURRENCE-ID of that occurrence as written in ICS (generated or overridden), series with an RRULE only. */
  recurrenceId?: string;
  /** VALARM recipients, lower-cased (the user when the VALARM names nobody). */
  recipients: string[];
  action: AlarmAction;
}

export interface NextAlarmQuery {
  /** The user whose participation counts (the calendar owner; the recipient when a sent alarm moves on). */
  user: string;
  now: Date;
  /** Only alarms strictly after this instant; default `now`. */
  since?: Date;
}

export interface NextAlarmResult {
  next?: NextAlarm;
  /** Why parts of the calendar were ignored (absolute triggers, a runaway RRULE): logged as warnings. */
  warnings: string[];
}

interface Candidate {
  vevent: ICAL.Component;
  startMs: number;
  recurrenceId?: string;
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** A DATE or DATE-TIME value as ICS writes it: `20250512`, `20250512T093000`, `20250512T073000Z`. */
export function icsValueText(value: ZonedValue): string {
  const { wall } = value;
  const date = `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}`;
  if (value.isDate) return date;
  return `${date}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}${value.utc ? 'Z' : ''}`;
}

/** The RECURRENCE-ID of a VEVENT as ICS writes it, when it has one. */
export function recurrenceIdText(calendar: VCalendar, vevent: ICAL.Component): string | undefined {
  const value = calendar.value(vevent, 'recurrence-id');
  return value ? icsValueText(value) : undefined;
}

function accepted(vevent: ICAL.Component, user: string): boolean {
  return partstatOf(vevent, user) === 'ACCEPTED';
}

function cancelled(vevent: ICAL.Component): boolean {
  const status = vevent.getFirstPropertyValue('status') as unknown;
  return typeof status === 'string' && status.trim().toUpperCase() === 'CANCELLED';
}

function numberOf(vevent: ICAL.Component, name: string): number {
  try {
    const value = vevent.getFirstPropertyValue(name) as unknown;
    if (typeof value === 'number') return value;
    if (value instanceof ICAL.Time) return value.toUnixTime();
    return Number.NEGATIVE_INFINITY;
  } catch {
    return Number.NEGATIVE_INFINITY;
  }
}

/** Newest by SEQUENCE, then LAST-MODIFIED, then DTSTAMP. */
function newest(vevents: ICAL.Component[]): ICAL.Component {
  return vevents.reduce((best, vevent) => {
    for (const name of ['sequence', 'last-modified', 'dtstamp']) {
      const [a, b] = [numberOf(vevent, name), numberOf(best, name)];
      if (a !== b) return a > b ? vevent : best;
    }
    return best;
  });
}

function hasRrule(vevent: ICAL.Component): boolean {
  return Boolean(vevent.getFirstProperty('rrule'));
}

/** Step 2: the occurrences whose alarms may count, earliest first. */
function candidates(calendar: VCalendar, query: Required<NextAlarmQuery>, warnings: string[]): Candidate[] {
  const nowMs = query.now.getTime();
  const vevents = calendar.vevents;
  if (!vevents.some(hasRrule)) {
    if (vevents.length === 0) return [];
    const vevent = vevents.length === 1 ? vevents[0]! : newest(vevents);
    const start = calendar.value(vevent, 'dtstart');
    if (!start) return [];
    const startMs = calendar.instantOf(start);
    if (startMs <= nowMs || !accepted(vevent, query.user)) return [];
    const recurrenceId = recurrenceIdText(calendar, vevent);
    return [{ vevent, startMs, ...(recurrenceId ? { recurrenceId } : {}) }];
  }
  const master = calendar.master();
  const dtstart = master && calendar.value(master, 'dtstart');
  if (!master || !dtstart) return [];
  // Timed series: one year from now; all-day series: one year from DTSTART (events.md §4.2, §8).
  const fromMs = dtstart.isDate ? calendar.instantOf(dtstart) : nowMs;
  let runaway = false;
  const occurrences: Occurrence[] = expandOccurrences(calendar, {
    fromMs,
    toMs: fromMs + YEAR_MS,
    startingOnly: true,
    onIterationLimit: () => (runaway = true),
  });
  if (runaway) warnings.push('the RRULE was cut short: it runs away or matches no date');
  return occurrences
    .filter((occurrence) => occurrence.startMs > nowMs && accepted(occurrence.vevent, query.user))
    .map((occurrence) => ({
      vevent: occurrence.vevent,
      startMs: occurrence.startMs,
      recurrenceId: icsValueText(occurrence.recurrenceId),
    }));
}

/** Steps 4 and 5: the alarms a VALARM gives for one occurrence. */
function alarmOf(
  valarm: ICAL.Component,
  occurrence: Candidate,
  user: string,
  attendees: Set<string>,
  warnings: string[],
): { timeMs: number; recipients: string[]; action: AlarmAction } | undefined {
  const action = String(valarm.getFirstPropertyValue('action') ?? '')
    .trim()
    .toUpperCase();
  if (action !== 'EMAIL' && action !== 'DISPLAY') return undefined;
  let trigger: unknown;
  try {
    trigger = valarm.getFirstPropertyValue('trigger');
  } catch {
    trigger = undefined;
  }
  if (!(trigger instanceof ICAL.Duration)) {
    warnings.push(
      `a ${action} alarm without a duration TRIGGER is ignored (absolute triggers are not supported)`,
    );
    return undefined;
  }
  const listed = valarm.getAllProperties('attendee');
  let recipients: string[];
  if (listed.length === 0) recipients = [addressKey(user)];
  else {
    const valid = listed
      .map((property) => validAddress(property.getFirstValue()))
      .filter((address): address is string => address !== undefined)
      .map(addressKey);
    // Other attendees of the event are removed; the user and addresses that attend nothing (aliases) stay.
    recipients = [...new Set(valid)].filter(
      (address) => address === addressKey(user) || !attendees.has(address),
    );
    if (recipients.length === 0) return undefined;
  }
  return { timeMs: occurrence.startMs + trigger.toSeconds() * 1000, recipients, action };
}

/**
 * The next alarm instant of events.md §4.2 for `user`: the accepted occurrences (single event, newest of several, or
 * the RRULE expanded over a year with EXDATEs and overrides), cancelled ones dropped, each VALARM with a duration
 * TRIGGER (EMAIL or DISPLAY) giving start + duration, the earliest strictly after `since`.
 */
export function nextAlarm(calendar: VCalendar, query: NextAlarmQuery): NextAlarmResult {
  const warnings: string[] = [];
  const method = calendar.root.getFirstPropertyValue('method') as unknown;
  if (typeof method === 'string' && method.trim().toUpperCase() === 'CANCEL') return { warnings };
  const complete = { ...query, since: query.since ?? query.now };
  const sinceMs = complete.since.getTime();
  let best: NextAlarm | undefined;
  for (const occurrence of candidates(calendar, complete, warnings)) {
    if (cancelled(occurrence.vevent)) continue;
    // Alarms fire before their occurrence's start plus a duration: once an alarm is found, a later occurrence whose
    // earliest possible alarm cannot beat it is still examined (triggers may be positive), so no early exit.
    const attendees = new Set(
      occurrence.vevent
        .getAllProperties('attendee')
        .map((property) => addressKey(String(property.getFirstValue() ?? ''))),
    );
    for (const valarm of occurrence.vevent.getAllSubcomponents('valarm')) {
      const alarm = alarmOf(valarm, occurrence, complete.user, attendees, warnings);
      if (!alarm || alarm.timeMs <= sinceMs) continue;
      if (best && best.alarmTime.getTime() <= alarm.timeMs) continue;
      best = {
        alarmTime: new Date(alarm.timeMs),
        eventStartTime: new Date(occurrence.startMs),
        ...(occurrence.recurrenceId ? { recurrenceId: occurrence.recurrenceId } : {}),
        recipients: alarm.recipients,
        action: alarm.action,
      };
    }
  }
  return { next: best, warnings: [...new Set(warnings)] };
}
