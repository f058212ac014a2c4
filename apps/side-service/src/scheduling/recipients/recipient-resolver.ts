import { Injectable } from '@nestjs/common';
import { domainOfMailAddress, isObjectIdHex } from '@app/core';
import { DomainRepository, ResourceRepository, UserRepository } from '@app/persistence';

/** Who a recipient is for the bridge (events.md §3.1 step 4). */
export type ItipRecipient =
  { kind: 'user'; id: string } | { kind: 'resource'; id: string } | { kind: 'external' };

/** Local recipients are remembered this long (a fan-out asks for the same people many times). */
const CACHE_TTL_MS = 60_000;
const CACHE_SIZE = 10_000;

/**
 * A local user (a user record for the address), else a local resource (a non-deleted resource whose id is the
 * local part and whose domain is the address's domain, events.md §0), else external. Local answers are kept for a
 * minute; external ones are always looked up again (a user may be provisioned at any time).
 */
@Injectable()
export class RecipientResolver {
  private readonly known = new Map<string, { recipient: ItipRecipient; until: number }>();

  constructor(
    private readonly users: UserRepository,
    private readonly resources: ResourceRepository,
    private readonly domains: DomainRepository,
  ) {}

  async resolve(address: string): Promise<ItipRecipient> {
    const email = address.toLowerCase();
    const cached = this.known.get(email);
    if (cached && cached.until > Date.now()) return cached.recipient;
    const recipient = await this.lookUp(email);
    if (recipient.kind !== 'external') {
      if (this.known.size >= CACHE_SIZE) this.known.delete(this.known.keys().next().value!);
      this.known.set(email, { recipient, until: Date.now() + CACHE_TTL_MS });
    }
    return recipient;
  }

  /** Drops what is remembered of a resource (it was changed or deleted: the next look-up reads it again). */
  forgetResource(resourceId: string): void {
    for (const [email, entry] of this.known)
      if (entry.recipient.kind === 'resource' && entry.recipient.id === resourceId) this.known.delete(email);
  }

  private async lookUp(email: string): Promise<ItipRecipient> {
    const user = await this.users.findByEmail(email);
    if (user) return { kind: 'user', id: user.id };
    const localPart = email.slice(0, email.lastIndexOf('@'));
    if (!isObjectIdHex(localPart)) return { kind: 'external' };
    const resource = await this.resources.findById(localPart);
    if (!resource || resource.deleted) return { kind: 'external' };
    const domain = await this.domains.findByName(domainOfMailAddress(email));
    return domain && domain.id === resource.domainId
      ? { kind: 'resource', id: resource.id }
      : { kind: 'external' };
  }
}
