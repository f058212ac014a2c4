import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '@app/core';
import { CalendarShareUpdate, DavIdentity, DavShareRight, DavSharingClient } from '@app/dav-client';
import type { Resource } from '@app/persistence';
import type { ResourceAdministrator } from '../openpaas/resource.json';

/** An administrator as the webadmin sets it: an address and the right it holds on the resource calendar. */
export interface AdministratorGrant {
  email: string;
  davRight: Extract<DavShareRight, 'dav:read-write' | 'dav:administration'>;
}

/** The DAV side of a resource could not be changed; nothing was applied in MongoDB for this step. */
export class ResourceCalendarUnavailableError extends DomainError {
  constructor(resourceId: string, reason: string) {
    super(
      ErrorCode.UpstreamFailure,
      `The administrators of resource ${resourceId} could not be changed on the DAV server`,
      reason,
    );
  }
}

/** Rights that make a sharee an administrator (dav.md §5.5: read-write and administration, not read). */
export function isAdministration(admin: ResourceAdministrator): boolean {
  return admin.access === 3 || admin.access === 5;
}

/**
 * What to send so that `current` sharees become exactly `wanted` (dav.md §5.5): `set` for new or changed rights,
 * `remove` for those no longer listed.
 */
export function shareUpdate(
  current: ResourceAdministrator[],
  wanted: AdministratorGrant[],
): CalendarShareUpdate {
  const held = new Map(current.map((admin) => [admin.email, admin.davRight]));
  const kept = new Set(wanted.map((grant) => grant.email));
  return {
    set: wanted
      .filter((grant) => held.get(grant.email) !== grant.davRight)
      .map((grant) => ({ email: grant.email, right: grant.davRight })),
    remove: current.filter((admin) => !kept.has(admin.email)).map((admin) => admin.email),
  };
}

/**
 * Grants and revokes the administrators of a resource: sharees of `/calendars/{id}/{id}`, changed as the resource
 * domain's technical user. A request is sent only when there is something to change.
 */
@Injectable()
export class ResourceCalendarSharing {
  private readonly logger = new Logger(ResourceCalendarSharing.name);

  constructor(private readonly sharing: DavSharingClient) {}

  async apply(resource: Resource, update: CalendarShareUpdate): Promise<void> {
    if (update.set.length === 0 && update.remove.length === 0) return;
    let outcome: Awaited<ReturnType<DavSharingClient['share']>>;
    try {
      outcome = await this.sharing.share(
        DavIdentity.technical(resource.domainId),
        resource.id,
        resource.id,
        update,
      );
    } catch (error) {
      this.logger.warn(`sharing the calendar of resource ${resource.id} failed: ${(error as Error).message}`);
      throw new ResourceCalendarUnavailableError(resource.id, 'the DAV server refused or failed the request');
    }
    if (outcome === 'not-found')
      throw new ResourceCalendarUnavailableError(resource.id, 'the DAV server has no calendar for it');
    this.logger.log(
      `resource ${resource.id}: granted ${update.set.map((s) => `${s.email}=${s.right}`).join(', ') || 'none'}; revoked ${update.remove.join(', ') || 'none'}`,
    );
  }
}
