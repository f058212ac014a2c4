/**
 * iCalendar knowledge on ical.js, in one place: time zones, ICS/jCal parsing, VEVENT selection, recurrence,
 * attendees and addresses, and what a VEVENT says (see the README section "iCalendar").
 */
export * from './calendar-errors';
export * from './time-zones';
export * from './parsing';
export * from './vcalendar';
export * from './recurrence';
export * from './addresses';
export * from './event-time';
export * from './event-data';
/** ical.js itself, for what the helpers above do not cover; features import it from here (ESLint enforces it). */
export { default as ICAL } from 'ical.js';
