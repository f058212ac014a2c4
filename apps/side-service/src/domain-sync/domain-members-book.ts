import { Injectable } from '@nestjs/common';
import { DavAddressBookClient, DavIdentity } from '@app/dav-client';
import { MemberCard, cardsOf } from './domain-member-contact';

export const DOMAIN_MEMBERS_BOOK = 'domain-members';

/** The creation body of dav.md §5.4. */
const BOOK = {
  id: DOMAIN_MEMBERS_BOOK,
  'dav:name': 'Domain Members',
  'carddav:description': 'Address book contains all domain members',
  'dav:acl': ['{DAV:}read'],
  type: 'group',
};

/**
 * The `domain-members` address book of a domain, always with the domain's technical token (dav.md §5.4): exported,
 * written and emptied; created (then the call retried once) when the DAV server says it does not exist.
 */
@Injectable()
export class DomainMembersBook {
  constructor(private readonly dav: DavAddressBookClient) {}

  async cards(domainId: string): Promise<MemberCard[]> {
    const identity = DavIdentity.technical(domainId);
    let exported = await this.dav.export(identity, domainId, DOMAIN_MEMBERS_BOOK);
    if (exported === 'path-not-found') {
      await this.dav.create(identity, domainId, BOOK);
      exported = await this.dav.export(identity, domainId, DOMAIN_MEMBERS_BOOK);
      if (exported === 'path-not-found')
        throw new Error(
          `the ${DOMAIN_MEMBERS_BOOK} address book of ${domainId} is missing after its creation`,
        );
    }
    return cardsOf(exported);
  }

  async put(domainId: string, uid: string, vcard: string): Promise<void> {
    const identity = DavIdentity.technical(domainId);
    if ((await this.dav.putCard(identity, domainId, DOMAIN_MEMBERS_BOOK, uid, vcard)) === 'done') return;
    await this.dav.create(identity, domainId, BOOK);
    if ((await this.dav.putCard(identity, domainId, DOMAIN_MEMBERS_BOOK, uid, vcard)) !== 'done')
      throw new Error(`the ${DOMAIN_MEMBERS_BOOK} address book of ${domainId} is missing after its creation`);
  }

  delete(domainId: string, uid: string): Promise<void> {
    return this.dav.deleteCard(DavIdentity.technical(domainId), domainId, DOMAIN_MEMBERS_BOOK, uid);
  }
}
