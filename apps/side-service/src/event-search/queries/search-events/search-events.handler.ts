import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UserRepository } from '@app/persistence';
import { EventSearchDocument, EventSearchIndex } from '@app/search';
import { SearchableCalendars } from '../../searchable-calendars';
import { SearchEventsQuery } from './search-events.query';

@QueryHandler(SearchEventsQuery)
export class SearchEventsHandler implements IQueryHandler<SearchEventsQuery> {
  constructor(
    private readonly users: UserRepository,
    private readonly calendars: SearchableCalendars,
    private readonly index: EventSearchIndex,
  ) {}

  async execute({ callerEmail, criteria }: SearchEventsQuery): Promise<EventSearchDocument[]> {
    if (!criteria.calendars.length) return [];
    const caller = await this.users.findByEmail(callerEmail);
    if (!caller) return [];
    const calendarURLs = await this.calendars.resolve(
      { id: caller.id, email: callerEmail },
      criteria.calendars,
    );
    if (!calendarURLs.length) return [];
    return this.index.search({
      calendarURLs,
      text: criteria.text,
      organizers: criteria.organizers,
      attendees: criteria.attendees,
      bookingLinkId: criteria.bookingLinkId,
      offset: criteria.offset,
      limit: criteria.limit,
    });
  }
}
