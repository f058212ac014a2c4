import ICAL from 'ical.js';
import { toIanaZone, utcMsOf } from './time-zones';
import { VCalendar, ZonedValue, wallOf } from './vcalendar';

/** A DTSTART/DTEND value read as an instant (mail.md §2.1). */
export interface EventInstant {
  instant: Date;
  allDay: boolean;
  /** IANA zone of the value when it had a known TZID; the event's own zone ("see in calendar" dates). */
  zone?: string;
}

const EMPTY = ['vcalendar', [], []];
const zones = new WeakMap<ICAL.Component, VCalendar>();

/** The zone knowledge of `calendar` (its VTIMEZONEs), built once per component. */
function zonesOf(calendar?: ICAL.Component): VCalendar {
  const root = calendar ?? new ICAL.Component(EMPTY);
  let known = zones.get(root);
  if (!known) {
    known = VCalendar.of(root);
    zones.set(root, known);
  }
  return known;
}

function timeOf(property: ICAL.Property): ICAL.Time | undefined {
  const value = property.getFirstValue() as unknown;
  return value instanceof ICAL.Time ? value : undefined;
}

/**
 * Reads a date or date-time property: with TZID, the wall time in that zone (the calendar's own VTIMEZONE, else
 * the IANA zone, Windows names mapped); `Z` as UTC; floating times as UTC; DATE values as midnight UTC.
 */
export function readEventTime(property: ICAL.Property, calendar?: ICAL.Component): EventInstant | undefined {
  const time = timeOf(property);
  if (!time) return undefined;
  const tzid = property.getParameter('tzid');
  return instantOfTime(time, typeof tzid === 'string' ? tzid : undefined, calendar);
}

/** An ICAL.Time read as `readEventTime` does, its TZID given apart (RRULE UNTIL values have none). */
export function instantOfTime(time: ICAL.Time, tzid?: string, calendar?: ICAL.Component): EventInstant {
  const wall = wallOf(time);
  if (time.isDate) return { instant: new Date(utcMsOf(wall)), allDay: true };
  const isUtc = time.zone === ICAL.Timezone.utcTimezone || time.zone?.tzid === 'UTC';
  if (isUtc && tzid === undefined) return { instant: new Date(utcMsOf(wall)), allDay: false, zone: 'UTC' };
  const value: ZonedValue = { wall, isDate: false, utc: false, ...(tzid !== undefined ? { tzid } : {}) };
  const zone = tzid !== undefined ? toIanaZone(tzid) : undefined;
  return { instant: new Date(zonesOf(calendar).instantOf(value)), allDay: false, ...(zone ? { zone } : {}) };
}
