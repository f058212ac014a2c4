import { Injectable } from '@nestjs/common';
import type { Domain, Resource } from '@app/persistence';
import { UserRepository } from '@app/persistence';
import { ResourceAdministrators } from './resource-administrators';
import { isAdministration } from './resource-calendar-sharing';

/** A resource as the webadmin shows it (webadmin.md §8): creator and administrators by address. */
export interface AdministeredResource {
  resource: Resource;
  domainName: string;
  creatorEmail: string;
  administrators: { email: string; davRight: string }[];
}

/** Completes resources with their creator's address and their administrators read live from DAV. */
@Injectable()
export class AdministeredResources {
  constructor(
    private readonly users: UserRepository,
    private readonly administrators: ResourceAdministrators,
  ) {}

  /** `undefined` when the creator no longer exists (such resources are not shown). */
  async of(resource: Resource, domain: Domain): Promise<AdministeredResource | undefined> {
    const creator = resource.creatorId ? await this.users.findById(resource.creatorId) : undefined;
    if (!creator) return undefined;
    const administrators = (await this.administrators.of(resource))
      .filter(isAdministration)
      .map((admin) => ({ email: admin.email, davRight: admin.davRight }));
    return { resource, domainName: domain.name, creatorEmail: creator.email, administrators };
  }
}
