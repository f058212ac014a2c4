import { Injectable } from '@nestjs/common';
import { forEachBounded, nameBasedUuid } from '@app/core';
import { DavAddressBookClient, DavIdentity } from '@app/dav-client';
import { cardsOf } from '../../domain-sync/domain-member-contact';
import type { DeletionTarget, UserDeletionStep } from '../deletion-step';

/**
 * `DavContactDeletionTaskStep` (dav.md §5.12): user address books are deleted; system books (empty `type`, e.g.
 * `contacts`, `collected`) are emptied card by card from their export.
 */
@Injectable()
export class DavContactDeletionStep implements UserDeletionStep {
  readonly name = 'DavContactDeletionTaskStep';
  readonly priority = 2;

  constructor(private readonly dav: DavAddressBookClient) {}

  async run({ user }: DeletionTarget, signal: AbortSignal): Promise<void> {
    if (!user) return;
    const identity = DavIdentity.user(user.email);
    for (const book of await this.dav.list(identity, user.id)) {
      if (signal.aborted) return;
      if (book.type !== '') {
        await this.dav.deleteBook(identity, user.id, book.id);
        continue;
      }
      const exported = await this.dav.export(identity, user.id, book.id);
      if (exported === 'path-not-found') continue;
      const uids = cardsOf(exported)
        .map((card) => card.uid ?? (card.email ? nameBasedUuid(card.email) : undefined))
        .filter((uid): uid is string => uid !== undefined);
      await forEachBounded(
        uids,
        4,
        (uid) => this.dav.deleteCard(identity, user.id, book.id, uid, 'application/vcard+json'),
        signal,
      );
    }
  }
}
