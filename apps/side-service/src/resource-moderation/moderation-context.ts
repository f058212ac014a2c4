import { Injectable, Logger } from '@nestjs/common';
import { DomainRepository, Resource, ResourceRepository } from '@app/persistence';
import { ResourceAdministrators } from '../resources/resource-administrators';
import { isAdministration } from '../resources/resource-calendar-sharing';

/** An active resource, its domain name (its address is `{id}@{domain}`) and its administrators' addresses. */
export interface ModeratedResource {
  resource: Resource;
  domainName: string;
  address: string;
  administrators: string[];
}

/**
 * events.md §3.4: the non-deleted resource and its administrators (users holding read-write or administration on
 * the resource calendar according to DAV; unknown users are left out).
 */
@Injectable()
export class ModeratedResources {
  private readonly logger = new Logger(ModeratedResources.name);

  constructor(
    private readonly resources: ResourceRepository,
    private readonly domains: DomainRepository,
    private readonly administrators: ResourceAdministrators,
  ) {}

  /** `undefined` for an unknown, deleted or domain-less resource. */
  async find(resourceId: string): Promise<ModeratedResource | undefined> {
    const resource = await this.resources.findById(resourceId);
    if (!resource || resource.deleted) return undefined;
    const domain = await this.domains.findById(resource.domainId);
    if (!domain) {
      this.logger.warn(`resource ${resourceId} belongs to no known domain`);
      return undefined;
    }
    const administrators = (await this.administrators.of(resource))
      .filter(isAdministration)
      .map((admin) => admin.email.toLowerCase());
    return { resource, domainName: domain.name, address: `${resource.id}@${domain.name}`, administrators };
  }
}
