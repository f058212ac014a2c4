import { InvalidArgumentError } from '@app/core';
import { ICAL, VCalendar, validAddress } from '@app/ical';
import type { EventSearchDocument, IndexedEvent, IndexedPerson } from '@app/search';

/** A message or object that cannot be indexed (bad path, unparsable property): rejected, never retried. */
export class UnindexableEventError extends InvalidArgumentError {
  constructor(details: string) {
    super('The event cannot be indexed', details);
  }
}

/** Where an event lives: `/calendars/{homeId}/{calendarUri}/{resourceName}`. */
export interface EventLocation {
  homeId: string;
  calendarUri: string;
  resourceName: string;
}

/** `eventPath` must have exactly 4 segments starting with `calendars` (events.md §5.4). */
export function eventLocationOf(eventPath: string): EventLocation {
  const segments = eventPath.replace(/^\//, '').split('/');
  if (segments.length !== 4 || segments[0] !== 'calendars' || segments.some((segment) => !segment.trim()))
    throw new UnindexableEventError(
      `eventPath must be /calendars/{home}/{calendar}/{object}, got ${JSON.stringify(eventPath)}`,
    );
  const [, homeId, calendarUri, resourceName] = segments.map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  return { homeId: homeId!, calendarUri: calendarUri!, resourceName: resourceName! };
}

const isoInstant = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

function text(vevent: ICAL.Component, name: string): string | undefined {
  const property = vevent.getFirstProperty(name);
  if (!property) return undefined;
  const value = property.getFirstValue() as unknown;
  return value === null || value === undefined ? undefined : String(value);
}

/** A DATE/DATE-TIME property as an instant; present but unreadable rejects the event. */
function instant(calendar: VCalendar, vevent: ICAL.Component, name: string): number | undefined {
  if (!vevent.getFirstProperty(name)) return undefined;
  const value = calendar.value(vevent, name);
  const ms = value ? calendar.instantOf(value) : NaN;
  if (!Number.isFinite(ms)) throw new UnindexableEventError(`${name} is not a date or date-time`);
  return ms;
}

function endOf(calendar: VCalendar, vevent: ICAL.Component, startMs: number | undefined): number | undefined {
  const dtend = instant(calendar, vevent, 'dtend');
  if (dtend !== undefined) return dtend;
  if (!vevent.getFirstProperty('duration') || startMs === undefined) return undefined;
  const end = calendar.effectiveEnd(vevent);
  const ms = end ? calendar.instantOf(end) : NaN;
  if (!Number.isFinite(ms)) throw new UnindexableEventError('duration is not a duration');
  return ms;
}

function personOf(property: ICAL.Property): IndexedPerson | undefined {
  const email = validAddress(property.getFirstValue());
  if (!email) return undefined;
  const cn = property.getParameter('cn');
  return { cn: typeof cn === 'string' ? cn : '', email };
}

/** The raw RECURRENCE-ID value, as written in the jCal. */
function rawRecurrenceId(vevent: ICAL.Component): string | undefined {
  const property = vevent.getFirstProperty('recurrence-id');
  if (!property) return undefined;
  const json = property.toJSON() as unknown[];
  return json[3] === undefined || json[3] === null ? undefined : String(json[3]);
}

/** An integer-typed SEQUENCE; anything else is absent (events.md §5.4). */
function sequenceOf(vevent: ICAL.Component): number | undefined {
  const property = vevent.getFirstProperty('sequence');
  if (!property || property.type !== 'integer') return undefined;
  const value = property.getFirstValue() as unknown;
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^[+-]?\d+$/.test(value.trim())
        ? Number(value)
        : NaN;
  return Number.isSafeInteger(number) ? number : undefined;
}

/** One document per VEVENT (events.md §5.4), with its id; routing is the home id. */
export function eventDocumentsOf(calendar: VCalendar, location: EventLocation): IndexedEvent[] {
  const calendarURL = `${location.homeId}/${location.calendarUri}`;
  return calendar.vevents.map((vevent) => {
    const uid = text(vevent, 'uid')?.trim();
    if (!uid) throw new UnindexableEventError('a VEVENT has no UID');
    const recurrenceId = rawRecurrenceId(vevent);
    const isRecurrentMaster = vevent.getFirstProperty('rrule')
      ? true
      : vevent.getFirstProperty('recurrence-id')
        ? false
        : undefined;
    const startMs = instant(calendar, vevent, 'dtstart');
    const endMs = endOf(calendar, vevent, startMs);
    const dtstamp = instant(calendar, vevent, 'dtstamp');
    const organizerProperty = vevent.getFirstProperty('organizer');
    const organizer = organizerProperty ? personOf(organizerProperty) : undefined;
    const attendees: IndexedPerson[] = [];
    const resources: IndexedPerson[] = [];
    for (const property of vevent.getAllProperties('attendee')) {
      const person = personOf(property);
      if (!person) continue;
      (property.getParameter('cutype') === 'RESOURCE' ? resources : attendees).push(person);
    }
    const sequence = sequenceOf(vevent);
    const document: EventSearchDocument = {
      baseCalendarId: location.homeId,
      calendarURL,
      eventUid: uid,
      resourceName: location.resourceName,
      allDay: Boolean(vevent.getFirstProperty('dtstart') && calendar.value(vevent, 'dtstart')?.isDate),
      collapseRank: isRecurrentMaster === false ? 1 : 0,
      attendees,
      resources,
    };
    const optional: Partial<EventSearchDocument> = {
      summary: text(vevent, 'summary'),
      description: text(vevent, 'description'),
      location: text(vevent, 'location'),
      clazz: text(vevent, 'class'),
      start: startMs === undefined ? undefined : isoInstant(startMs),
      end: endMs === undefined ? undefined : isoInstant(endMs),
      dtstamp: dtstamp === undefined ? undefined : isoInstant(dtstamp),
      isRecurrentMaster,
      recurrenceId,
      sequence,
      organizer,
      videoconferenceUrl: text(vevent, 'x-openpaas-videoconference'),
      bookingLinkId: text(vevent, 'x-openpaas-booking-link'),
    };
    for (const [key, value] of Object.entries(optional))
      if (value !== undefined) (document as unknown as Record<string, unknown>)[key] = value;
    const kind =
      isRecurrentMaster === true
        ? 'master'
        : recurrenceId !== undefined
          ? `recurrence:${recurrenceId}`
          : 'single';
    return { id: `${location.homeId}:${location.calendarUri}:${uid}:${kind}`, document };
  });
}

/** The distinct UIDs of a calendar's VEVENTs (deletions). */
export function eventUidsOf(calendar: VCalendar): string[] {
  const uids = calendar.vevents
    .map((vevent) => text(vevent, 'uid')?.trim())
    .filter((uid): uid is string => !!uid);
  return [...new Set(uids)];
}
