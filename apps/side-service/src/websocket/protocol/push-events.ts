import { BusKeys, newEventId } from '@app/event-bus';

/**
 * Events of the push bus (storage.md §17.2): a `type`, an `eventId` and the fields of the type. Keys:
 * `calendar:{home}:{cal}`, `addressbook:{home}:{book}`, `username:{email}`.
 */
export type PushEvent =
  | CalendarChangeEvent
  | CalendarListChangeEvent
  | AddressBookChangeEvent
  | ImportProgressEvent
  | AlarmEvent
  | BookingLinkStateChangeEvent;

/** Objects of a calendar changed: each listener pushes the calendar's sync token as its own user reads it. */
export interface CalendarChangeEvent {
  type: 'calendar-change';
  eventId: string;
  /** Who made the change when known (principal of `connectedUser`), else empty. */
  username: string;
  /** `home/cal`. */
  calendarUrl: string;
}

export type CalendarListChange = 'created' | 'updated' | 'deleted' | 'delegated' | 'subscribed';

export interface CalendarListChangeEvent {
  type: 'calendar-list-change';
  eventId: string;
  username: string;
  calendarUrl: string;
  changeType: CalendarListChange;
}

export interface AddressBookChangeEvent {
  type: 'addressbook-change';
  eventId: string;
  username: string;
  /** `/addressbooks/home/id`. */
  addressBookUrl: string;
}

export interface ImportProgressEvent {
  type: 'import-progress';
  eventId: string;
  importId: string;
  /** The target collection, `/calendars/h/c` or `/addressbooks/h/b`. */
  importURI: string;
  importType: 'calendar' | 'contacts';
  status: 'completed' | 'failed';
  succeedCount?: number;
  failedCount?: number;
}

export interface AlarmEvent {
  type: 'alarm';
  eventId: string;
  username: string;
  eventSummary: string;
  eventURL: string;
  /** ISO-8601 instant. */
  eventStartTime: string;
}

export interface BookingLinkStateChangeEvent {
  type: 'booking-link-state-change';
  eventId: string;
  username: string;
}

type Fields<E extends PushEvent> = Omit<E, 'type' | 'eventId'>;

export const PushEvents = {
  calendarChange: (fields: Fields<CalendarChangeEvent>): CalendarChangeEvent => ({
    type: 'calendar-change',
    eventId: newEventId(),
    ...fields,
  }),
  calendarListChange: (fields: Fields<CalendarListChangeEvent>): CalendarListChangeEvent => ({
    type: 'calendar-list-change',
    eventId: newEventId(),
    ...fields,
  }),
  addressBookChange: (fields: Fields<AddressBookChangeEvent>): AddressBookChangeEvent => ({
    type: 'addressbook-change',
    eventId: newEventId(),
    ...fields,
  }),
  importProgress: (fields: Fields<ImportProgressEvent>): ImportProgressEvent => ({
    type: 'import-progress',
    eventId: newEventId(),
    ...fields,
  }),
  alarm: (fields: Fields<AlarmEvent>): AlarmEvent => ({ type: 'alarm', eventId: newEventId(), ...fields }),
  bookingLinkStateChange: (username: string): BookingLinkStateChangeEvent => ({
    type: 'booking-link-state-change',
    eventId: newEventId(),
    username,
  }),
};

export { BusKeys };
