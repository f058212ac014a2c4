import { Injectable } from '@nestjs/common';
import { ResourceRepository } from '@app/persistence';
import { PeopleProvider, PeopleSearchRequest, wants } from '../people-search';
import { Person } from '../person';
import { PeopleUrls } from './people-urls';

/** Non-deleted resources of the caller's domain whose name contains the query; address `{id}@{domain}`. */
@Injectable()
export class ResourcePeopleProvider extends PeopleProvider {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly urls: PeopleUrls,
  ) {
    super();
  }

  async find(request: PeopleSearchRequest): Promise<Person[]> {
    const { searcher } = request;
    if (!wants(request, 'resource') || !searcher.domainId) return [];
    const found = await this.resources.search(searcher.domainId, request.query, request.limit);
    return found.map((resource) => ({
      id: resource.id,
      objectType: 'resource',
      displayName: resource.name,
      email: `${resource.id}@${searcher.domainName}`,
      emailType: 'default',
      photoUrl: this.urls.icon(resource.icon),
    }));
  }
}
