/** An entry of the address auto-completion index Twake Mail maintains (events.md §6). */
export interface ContactHit {
  /** The index's contact id (a UUID). */
  id: string;
  /** Lower-case. */
  email: string;
  firstname: string;
  surname: string;
}

/** Whose contacts are searched: the caller's own, and those of the caller's domain. */
export interface ContactOwner {
  username: string;
  domain: string;
}

/**
 * Port: the contact auto-completion index shared with Twake Mail, read-only here. Hits are unique per address (the
 * first one kept), at most `limit`.
 */
export abstract class ContactSearch {
  abstract search(owner: ContactOwner, query: string, limit: number): Promise<ContactHit[]>;
}

/** Without OpenSearch nobody fills the index (only Twake Mail writes it): it is empty. */
export class EmptyContactSearch extends ContactSearch {
  search(): Promise<ContactHit[]> {
    return Promise.resolve([]);
  }
}
