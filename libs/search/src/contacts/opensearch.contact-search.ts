import type { Client } from '@opensearch-project/opensearch';
import type { OpensearchConfig } from '@app/config';
import { ContactHit, ContactOwner, ContactSearch } from './contact-search';

interface ContactSource {
  contactId?: string;
  email?: string;
  firstname?: string;
  surname?: string;
}

/**
 * Reads Twake Mail's `user_contact` and `domain_contact` indices through their read aliases (events.md §6): the
 * address when the query holds an `@`, else address, first name and surname; only the caller's own contacts
 * (`accountId`) and its domain's (`domain`). Missing indices give no hit.
 */
export class OpensearchContactSearch extends ContactSearch {
  constructor(
    private readonly client: Client,
    private readonly config: OpensearchConfig['contacts'],
  ) {
    super();
  }

  async search(owner: ContactOwner, query: string, limit: number): Promise<ContactHit[]> {
    const text = query.trim();
    const must = !text
      ? { match_all: {} }
      : text.includes('@')
        ? { match: { email: text } }
        : { multi_match: { query: text, fields: ['email', 'firstname', 'surname'] } };
    const { body } = await this.client.search({
      index: `${this.config.userReadAlias},${this.config.domainReadAlias}`,
      ignore_unavailable: true,
      allow_no_indices: true,
      body: {
        size: limit,
        query: {
          bool: {
            must: [must],
            should: [{ term: { accountId: owner.username } }, { term: { domain: owner.domain } }],
            minimum_should_match: 1,
          },
        },
      },
    });
    const hits = (body.hits?.hits ?? []) as { _id?: string; _source?: ContactSource }[];
    const seen = new Map<string, ContactHit>();
    for (const hit of hits) {
      const email = hit._source?.email?.trim().toLowerCase();
      if (!email || seen.has(email)) continue;
      seen.set(email, {
        id: hit._source?.contactId ?? hit._id ?? email,
        email,
        firstname: hit._source?.firstname ?? '',
        surname: hit._source?.surname ?? '',
      });
    }
    return [...seen.values()].slice(0, limit);
  }
}
