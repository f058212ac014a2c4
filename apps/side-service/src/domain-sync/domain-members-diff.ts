import { nameBasedUuid } from '@app/core';
import type { DirectoryEntry } from '@app/directory';
import { MemberCard, MemberContact, contactOf, differs, mailKey, newCardUid } from './domain-member-contact';

/** A contact to write (`PUT …/{uid}.vcf`). */
export interface CardWrite {
  uid: string;
  contact: MemberContact;
}

/** A card to remove (`DELETE …/{uid}.vcf`), known by its address for the failure list. */
export interface CardRemoval {
  uid: string;
  email: string;
}

export interface MembersDiff {
  added: CardWrite[];
  updated: CardWrite[];
  deleted: CardRemoval[];
  /** Addresses met more than once on one side (the first one wins). */
  duplicates: string[];
}

/**
 * LDAP entries against the cards of the book, keyed by address (webadmin.md §6.4 step 4): LDAP only → add, DAV
 * only → delete, both and different → update (keeping the card's UID). Entries and cards without a valid address
 * are ignored, so a card without e-mail is never deleted.
 */
export function diffMembers(entries: DirectoryEntry[], cards: MemberCard[]): MembersDiff {
  const duplicates: string[] = [];
  const ldap = new Map<string, { contact: MemberContact; entry: DirectoryEntry }>();
  for (const entry of entries) {
    const contact = contactOf(entry);
    if (!contact) continue;
    const key = mailKey(contact.email);
    if (ldap.has(key)) duplicates.push(contact.email);
    else ldap.set(key, { contact, entry });
  }
  const dav = new Map<string, MemberCard & { email: string }>();
  for (const card of cards) {
    if (!card.email) continue;
    const key = mailKey(card.email);
    if (dav.has(key)) duplicates.push(card.email);
    else dav.set(key, card as MemberCard & { email: string });
  }
  const diff: MembersDiff = { added: [], updated: [], deleted: [], duplicates };
  for (const [key, { contact, entry }] of ldap) {
    const card = dav.get(key);
    if (!card) diff.added.push({ uid: newCardUid(entry, contact.email), contact });
    else if (differs(contact, card))
      diff.updated.push({ uid: card.uid ?? nameBasedUuid(card.email), contact });
  }
  for (const [key, card] of dav)
    if (!ldap.has(key)) diff.deleted.push({ uid: card.uid ?? nameBasedUuid(card.email), email: card.email });
  return diff;
}
