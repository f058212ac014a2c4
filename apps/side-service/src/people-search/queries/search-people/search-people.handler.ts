import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DomainRepository } from '@app/persistence';
import { GetDomainSettingsQuery } from '../../../domain-settings/queries/get-domain-settings/get-domain-settings.query';
import { viewerDomain } from '../../../openpaas/viewer';
import { PeopleSearch } from '../../people-search';
import type { Person } from '../../person';
import { SearchPeopleQuery } from './search-people.query';

@QueryHandler(SearchPeopleQuery)
export class SearchPeopleHandler implements IQueryHandler<SearchPeopleQuery> {
  constructor(
    private readonly domains: DomainRepository,
    private readonly queryBus: QueryBus,
    private readonly people: PeopleSearch,
  ) {}

  async execute(query: SearchPeopleQuery): Promise<Person[]> {
    const domainName = viewerDomain({ username: query.username, isAdmin: false });
    const [domain, settings] = await Promise.all([
      domainName ? this.domains.findByName(domainName) : undefined,
      this.queryBus.execute(new GetDomainSettingsQuery(domainName ?? '')),
    ]);
    return this.people.search({
      searcher: {
        username: query.username,
        domainName,
        domainId: domain?.id,
        userSearchMode: settings.userSearchMode,
      },
      query: query.query,
      types: new Set(query.types),
      limit: query.limit,
    });
  }
}
