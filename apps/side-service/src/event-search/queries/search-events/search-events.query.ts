import { Query } from '@nestjs/cqrs';
import type { EventSearchDocument } from '@app/search';
import type { CalendarRef } from '../../searchable-calendars';

export interface SearchEventsCriteria {
  text: string;
  calendars: CalendarRef[];
  organizers: string[];
  attendees: string[];
  bookingLinkId?: string;
  offset: number;
  limit: number;
}

/** `POST /calendar/api/events/search` (events.md §5.6, §5.7): hits of the calendars the caller may search. */
export class SearchEventsQuery extends Query<EventSearchDocument[]> {
  constructor(
    public readonly callerEmail: string,
    public readonly criteria: SearchEventsCriteria,
  ) {
    super();
  }
}
