import ICAL from 'ical.js';
import { isValidMailAddress } from '@app/core';
import { addressKey } from './addresses';
import { InvalidCalendarError } from './calendar-errors';
import { EventInstant, instantOfTime, readEventTime } from './event-time';

/** An ORGANIZER or ATTENDEE: display name, lower-case address and the parameters the mails read. */
export interface Person {
  cn: string;
  email: string;
  partstat?: string;
}

export interface RecurrenceRule {
  freq: string;
  interval: number;
  count?: number;
  until?: EventInstant;
  byDay: string[];
}

/** What a VEVENT says, as the mails show it (mail.md §2.1); alarms and search read the same. */
export interface EventData {
  uid: string;
  summary: string;
  start: EventInstant;
  end?: EventInstant;
  location?: string;
  description?: string;
  /** Empty strings when the event has no ORGANIZER. */
  organizer: Person;
  /** ATTENDEEs without CUTYPE=RESOURCE, deduplicated by address (first wins), invalid addresses skipped. */
  attendees: Person[];
  resources: Person[];
  videoConferenceLink?: string;
  recurrence?: RecurrenceRule;
  recurrenceId?: string;
  comment?: string;
  /** X-PUBLICLY-CREATED is a true boolean (any case). */
  publiclyCreated: boolean;
}

function person(property: ICAL.Property): Person | undefined {
  const email = addressKey(String(property.getFirstValue() ?? ''));
  if (!isValidMailAddress(email)) return undefined;
  const cn = property.getParameter('cn');
  const partstat = property.getParameter('partstat');
  return {
    cn: typeof cn === 'string' ? cn : '',
    email,
    ...(typeof partstat === 'string' ? { partstat: partstat.toUpperCase() } : {}),
  };
}

function text(vevent: ICAL.Component, name: string): string | undefined {
  const value = vevent.getFirstPropertyValue(name) as unknown;
  return value === null || value === undefined ? undefined : String(value);
}

function endOf(
  vevent: ICAL.Component,
  start: EventInstant,
  calendar?: ICAL.Component,
): EventInstant | undefined {
  const dtend = vevent.getFirstProperty('dtend');
  if (dtend) return readEventTime(dtend, calendar);
  const duration = vevent.getFirstPropertyValue('duration') as unknown;
  if (duration instanceof ICAL.Duration)
    return { ...start, instant: new Date(start.instant.getTime() + duration.toSeconds() * 1000) };
  return undefined;
}

function recurrenceOf(vevent: ICAL.Component, calendar?: ICAL.Component): RecurrenceRule | undefined {
  const rrule = vevent.getFirstPropertyValue('rrule') as unknown;
  if (!(rrule instanceof ICAL.Recur) || !rrule.freq) return undefined;
  const tzid = vevent.getFirstProperty('dtstart')?.getParameter('tzid');
  const until = rrule.until
    ? instantOfTime(rrule.until, typeof tzid === 'string' ? tzid : undefined, calendar)
    : undefined;
  const byDay = rrule.parts.BYDAY;
  return {
    freq: rrule.freq,
    interval: rrule.interval || 1,
    ...(rrule.count ? { count: rrule.count } : {}),
    ...(until ? { until } : {}),
    byDay: Array.isArray(byDay) ? byDay.map(String) : [],
  };
}

/** Reads a VEVENT; a missing or unreadable DTSTART makes the mail fail (mail.md §2.1). */
export function readEvent(vevent: ICAL.Component, calendar?: ICAL.Component): EventData {
  const dtstart = vevent.getFirstProperty('dtstart');
  const start = dtstart ? readEventTime(dtstart, calendar) : undefined;
  if (!start) throw new InvalidCalendarError('the VEVENT has no usable DTSTART');
  const organizerProperty = vevent.getFirstProperty('organizer');
  const organizer = (organizerProperty && person(organizerProperty)) || { cn: '', email: '' };
  const attendees: Person[] = [];
  const resources: Person[] = [];
  const seen = new Set<string>();
  for (const property of vevent.getAllProperties('attendee')) {
    const entry = person(property);
    if (!entry || seen.has(entry.email)) continue;
    seen.add(entry.email);
    const cutype = property.getParameter('cutype');
    (typeof cutype === 'string' && cutype.toUpperCase() === 'RESOURCE' ? resources : attendees).push(entry);
  }
  const video = vevent
    .getAllProperties()
    .find((property) => property.name.toLowerCase() === 'x-openpaas-videoconference');
  const videoValue = video ? String(video.getFirstValue() ?? '').trim() : '';
  const recurrenceId = vevent.getFirstProperty('recurrence-id');
  const publicly = vevent.getAllProperties().find((property) => property.name === 'x-publicly-created');
  return {
    uid: text(vevent, 'uid') ?? '',
    summary: text(vevent, 'summary') ?? '',
    start,
    end: endOf(vevent, start, calendar),
    location: text(vevent, 'location'),
    description: text(vevent, 'description'),
    organizer,
    attendees,
    resources,
    ...(videoValue ? { videoConferenceLink: videoValue } : {}),
    recurrence: recurrenceOf(vevent, calendar),
    ...(recurrenceId ? { recurrenceId: String(recurrenceId.getFirstValue()) } : {}),
    comment: text(vevent, 'comment'),
    publiclyCreated: String(publicly?.getFirstValue() ?? '').toLowerCase() === 'true',
  };
}
