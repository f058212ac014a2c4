/** A person of an indexed event: display name and address (`mailto:` removed). */
export interface IndexedPerson {
  cn: string;
  email: string;
}

/** One VEVENT as stored in the event index (events.md §5.4). Absent values are omitted. */
export interface EventSearchDocument {
  baseCalendarId: string;
  /** `homeId/calendarUri`. */
  calendarURL: string;
  eventUid: string;
  resourceName: string;
  summary?: string;
  description?: string;
  location?: string;
  clazz?: string;
  /** ISO-8601 instants, `Z`, no milliseconds. */
  start?: string;
  end?: string;
  dtstamp?: string;
  allDay: boolean;
  isRecurrentMaster?: boolean;
  recurrenceId?: string;
  sequence?: number;
  collapseRank: number;
  organizer?: IndexedPerson;
  attendees: IndexedPerson[];
  resources: IndexedPerson[];
  videoconferenceUrl?: string;
  bookingLinkId?: string;
}

/** A document with its id (`{home}:{calendar}:{uid}:{single|master|recurrence:{id}}`); routing is the home id. */
export interface IndexedEvent {
  id: string;
  document: EventSearchDocument;
}

/** What a write did: `written` (inserted or replaced) or `ignored` (the stored sequence is not lower). */
export type UpsertOutcome = 'written' | 'ignored';

/** A search (events.md §5.6): already-resolved calendar URLs (`home/calendar`), at most 256. */
export interface EventSearchQuery {
  calendarURLs: string[];
  /** Free text; blank means no text clause. */
  text: string;
  organizers: string[];
  attendees: string[];
  bookingLinkId?: string;
  offset: number;
  limit: number;
}

export const MAX_SEARCHED_CALENDARS = 256;
