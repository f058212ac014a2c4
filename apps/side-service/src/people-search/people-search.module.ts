import { Module } from '@nestjs/common';
import { MergedPeopleSearch } from './merged-people-search';
import { PeopleSearch } from './people-search';
import { ContactPeopleProvider } from './providers/contact-people.provider';
import { PeopleUrls } from './providers/people-urls';
import { ResourcePeopleProvider } from './providers/resource-people.provider';
import { TeamCalendarPeopleProvider } from './providers/team-calendar-people.provider';
import { UserPeopleProvider } from './providers/user-people.provider';
import { SearchPeopleController } from './queries/search-people/search-people.http.controller';
import { SearchPeopleHandler } from './queries/search-people/search-people.handler';

const providers = [
  PeopleUrls,
  UserPeopleProvider,
  ResourcePeopleProvider,
  ContactPeopleProvider,
  TeamCalendarPeopleProvider,
];

/** `POST /api/people/search` (rest-api.md §5.7, events.md §6). */
@Module({
  controllers: [SearchPeopleController],
  providers: [...providers, { provide: PeopleSearch, useClass: MergedPeopleSearch }, SearchPeopleHandler],
})
export class PeopleSearchModule {}
