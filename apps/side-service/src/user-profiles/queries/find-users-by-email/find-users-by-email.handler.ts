import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { domainOfMailAddress } from '@app/core';
import { DomainNotFoundError, DomainRepository } from '@app/persistence';
import { UserProvisioning } from '../../../users/provisioning/user-provisioning';
import { canSeeDomain } from '../../../openpaas/viewer';
import { GetTimeZoneQuery } from '../../../user-settings/queries/get-time-zone/get-time-zone.query';
import type { VisibleUser } from '../../visible-user';
import { FindUsersByEmailQuery } from './find-users-by-email.query';

@QueryHandler(FindUsersByEmailQuery)
export class FindUsersByEmailHandler implements IQueryHandler<FindUsersByEmailQuery> {
  constructor(
    private readonly domains: DomainRepository,
    private readonly provisioner: UserProvisioning,
    private readonly queryBus: QueryBus,
  ) {}

  async execute(query: FindUsersByEmailQuery): Promise<VisibleUser[]> {
    const email = query.email.trim().toLowerCase();
    const domainName = domainOfMailAddress(email);
    if (!canSeeDomain(query.viewer, domainName)) return [];
    if (!(await this.domains.findByName(domainName))) return [];
    const user = await this.provisioner.ensureFromDirectory(email).catch((error: unknown) => {
      if (error instanceof DomainNotFoundError) return undefined;
      throw error;
    });
    if (!user) return [];
    return [{ user, timezone: await this.queryBus.execute(new GetTimeZoneQuery(user)) }];
  }
}
