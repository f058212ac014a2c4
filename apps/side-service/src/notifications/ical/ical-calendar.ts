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

/** The calendar as ICS text, with its METHOD replaced by `method` (mail.md §5.2). */
export function withMethod(calendar: ICAL.Component, method: string): string {
  const copy = new ICAL.Component(JSON.parse(JSON.stringify(calendar.toJSON())) as unknown[]);
  copy.removeAllProperties('method');
  const property = new ICAL.Property('method', copy);
  property.setValue(method);
  copy.addProperty(property);
  return copy.toString();
}

/** A calendar is recurring when it has several VEVENTs or its first has an RRULE (events.md §3.2). */
export function isRecurring(calendar: ICAL.Component): boolean {
  const events = calendar.getAllSubcomponents('vevent');
  return events.length > 1 || Boolean(events[0]?.getFirstProperty('rrule'));
}
