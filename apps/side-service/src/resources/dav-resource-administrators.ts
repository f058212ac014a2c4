import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '@app/core';
import { DavClient, DavIdentity, DavInvite } from '@app/dav-client';
import { Resource, UserRepository } from '@app/persistence';
import type { ResourceAdministrator } from '../openpaas/resource.json';
import { ResourceAdministrators } from './resource-administrators';

const RIGHTS: Record<number, ResourceAdministrator['davRight']> = {
  2: 'dav:read',
  3: 'dav:read-write',
  5: 'dav:administration',
};

/** `mailto:` sharee addresses, `<>` tolerated, lower-cased; anything else (principals, blank) is not a sharee. */
function addressOf(invite: DavInvite): string | undefined {
  const href = invite.href?.trim().replace(/^<|>$/g, '') ?? '';
  return /^mailto:/i.test(href) ? href.slice('mailto:'.length).trim().toLowerCase() || undefined : undefined;
}

/**
 * The sharees of `/calendars/{id}/{id}` read with `withRights=true` as the domain's technical user: every user
 * holding `dav:read`, `dav:read-write` or `dav:administration` (the owner and unknown codes are left out), once.
 */
@Injectable()
export class DavResourceAdministrators extends ResourceAdministrators {
  private readonly logger = new Logger(DavResourceAdministrators.name);

  constructor(
    private readonly dav: DavClient,
    private readonly users: UserRepository,
  ) {
    super();
  }

  async of(resource: Resource): Promise<ResourceAdministrator[]> {
    let invites: DavInvite[];
    try {
      const calendar = await this.dav.getCalendar(
        DavIdentity.technical(resource.domainId),
        resource.id,
        resource.id,
        {
          withRights: true,
        },
      );
      invites = calendar?.invite ?? [];
    } catch (error) {
      this.logger.warn(`sharees of resource ${resource.id} unreadable: ${String(error)}`);
      throw new DomainError(ErrorCode.UpstreamFailure, 'DAV server unavailable');
    }
    const rights = new Map<string, ResourceAdministrator['access']>();
    for (const invite of invites) {
      const address = addressOf(invite);
      const access = invite.access as ResourceAdministrator['access'];
      if (address && RIGHTS[access] && !rights.has(address)) rights.set(address, access);
    }
    if (rights.size === 0) return [];
    const byEmail = new Map(
      (await this.users.findByEmails([...rights.keys()])).map((user) => [user.email, user]),
    );
    return [...rights].flatMap(([address, access]) => {
      const user = byEmail.get(address);
      return user ? [{ userId: user.id, email: address, davRight: RIGHTS[access]!, access }] : [];
    });
  }
}
