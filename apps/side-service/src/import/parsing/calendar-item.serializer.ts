import { CalendarItem } from './calendar-items';
import { foldLine, propertyName, propertyValue } from './content-lines';
import { ICAL } from '@app/ical';

export const IMPORT_PRODID = '-//Twake//Twake Calendar Side Service//EN';

/** The failure details of a calendar item (rest-api.md §5.10). */
export interface FailedEvent {
  uid: string | null;
  summary: string | null;
  start: string | null;
  end: string | null;
}

/** One VCALENDAR holding the item's components and the VTIMEZONEs they reference. */
export function serializeCalendarItem(item: CalendarItem): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${IMPORT_PRODID}`];
  for (const component of [...item.timezones, ...item.components]) lines.push(...component.lines);
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/**
 * Checks the item the way a CalDAV server would before storing it: it parses, each VEVENT has a DTSTART, and the
 * date-time values of DTSTART, DTEND, DUE, RECURRENCE-ID and the RRULE decode. Returns the reason it is invalid.
 */
export function calendarItemDefect(ics: string): string | undefined {
  try {
    const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    for (const component of [
      ...calendar.getAllSubcomponents('vevent'),
      ...calendar.getAllSubcomponents('vtodo'),
    ]) {
      if (component.name === 'vevent' && !component.getFirstProperty('dtstart'))
        return 'VEVENT without DTSTART';
      for (const name of ['dtstart', 'dtend', 'due', 'recurrence-id', 'rrule'])
        component.getFirstPropertyValue(name);
    }
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** UID, SUMMARY, DTSTART and DTEND of the item's master component (else its first), read without failing. */
export function failedEvent(item: CalendarItem): FailedEvent {
  const master =
    item.components.find(
      (component) => !component.lines.some((line) => propertyName(line) === 'RECURRENCE-ID'),
    ) ?? item.components[0];
  const value = (name: string) => {
    const line = master?.lines.find((candidate) => propertyName(candidate) === name);
    return line ? propertyValue(line).trim() : null;
  };
  return { uid: item.uid ?? null, summary: value('SUMMARY'), start: value('DTSTART'), end: value('DTEND') };
}
