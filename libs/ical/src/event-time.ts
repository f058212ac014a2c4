import ICAL from 'ical.js';
import { instantOfWallTime, toIanaZone } from './time-zones';

/** A DTSTART/DTEND value read as an instant (mail.md §2.1). */
export interface EventInstant {
  instant: Date;
  allDay: boolean;
  /** IANA zone of the value when it had a known TZID; the event's own zone ("see in calendar" dates). */
  zone?: string;
}

function timeOf(property: ICAL.Property): ICAL.Time | undefined {
  const value = property.getFirstValue() as unknown;
  return value instanceof ICAL.Time ? value : undefined;
}

function fromVtimezone(time: ICAL.Time, tzid: string, calendar?: ICAL.Component): Date | undefined {
  const vtimezone = calendar
    ?.getAllSubcomponents('vtimezone')
    .find((component) => component.getFirstPropertyValue('tzid') === tzid);
  if (!vtimezone) return undefined;
  try {
    const zoned = time.clone();
    zoned.zone = new ICAL.Timezone(vtimezone);
    return new Date(zoned.toUnixTime() * 1000);
  } catch {
    return undefined;
  }
}

/**
 * Reads a date or date-time property: with TZID, the wall time in that zone (Windows names mapped to IANA, else
 * the calendar's own VTIMEZONE); `Z` as UTC; floating times as UTC; DATE values as midnight UTC.
 */
export function readEventTime(property: ICAL.Property, calendar?: ICAL.Component): EventInstant | undefined {
  const time = timeOf(property);
  if (!time) return undefined;
  const tzid = property.getParameter('tzid');
  return instantOfTime(time, typeof tzid === 'string' ? tzid : undefined, calendar);
}

/** An ICAL.Time read as `readEventTime` does, its TZID given apart (RRULE UNTIL values have none). */
export function instantOfTime(time: ICAL.Time, tzid?: string, calendar?: ICAL.Component): EventInstant {
  const wall = {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.isDate ? 0 : time.hour,
    minute: time.isDate ? 0 : time.minute,
    second: time.isDate ? 0 : time.second,
  };
  const utc = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second));
  if (time.isDate) return { instant: utc, allDay: true };
  const isUtc = time.zone === ICAL.Timezone.utcTimezone || time.zone?.tzid === 'UTC';
  if (isUtc && tzid === undefined) return { instant: utc, allDay: false, zone: 'UTC' };
  if (tzid !== undefined) {
    const zone = toIanaZone(tzid);
    if (zone) return { instant: instantOfWallTime(wall, zone), allDay: false, zone };
    const fromCalendar = fromVtimezone(time, tzid, calendar);
    if (fromCalendar) return { instant: fromCalendar, allDay: false };
  }
  return { instant: utc, allDay: false };
}
