import ICAL from 'ical.js';
import { isValidMailAddress, nameBasedUuid } from '@app/core';
import type { DirectoryEntry } from '@app/directory';

/** A domain member as a contact of the `domain-members` address book (webadmin.md §6.4 step 3). */
export interface MemberContact {
  email: string;
  givenName?: string;
  familyName?: string;
  displayName?: string;
  phone?: string;
}

/** A card read back from the DAV export: its UID (if any) and the fields the diff compares. */
export interface MemberCard extends Partial<MemberContact> {
  uid?: string;
}

/** `local@domain` with the domain lower-cased, or `undefined` when the text is not a single valid address. */
export function normalizedMail(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  if (!text || !isValidMailAddress(text)) return undefined;
  const at = text.lastIndexOf('@');
  return `${text.slice(0, at)}@${text.slice(at + 1).toLowerCase()}`;
}

/** The diff key of an address: local part case-insensitive, domain lower-cased. */
export function mailKey(email: string): string {
  return email.toLowerCase();
}

/** The UID of a new card: the LDAP `uid`, else the name-based UUID of the address. */
export function newCardUid(entry: Pick<DirectoryEntry, 'uid'>, email: string): string {
  return blankToUndefined(entry.uid) ?? nameBasedUuid(email);
}

/** LDAP entry → contact; `undefined` when the entry has no valid `mail`. */
export function contactOf(entry: DirectoryEntry): MemberContact | undefined {
  const email = normalizedMail(entry.mail);
  if (!email) return undefined;
  const sn = blankToUndefined(entry.sn);
  const cn = blankToUndefined(entry.cn);
  const givenName =
    blankToUndefined(entry.givenName) ?? blankToUndefined(sn && cn ? cn.split(sn).join('') : cn);
  return {
    email,
    familyName: sn,
    givenName,
    displayName: blankToUndefined(entry.displayName) ?? cn ?? email,
    phone: blankToUndefined(entry.telephoneNumber),
  };
}

/** Whether the card must be rewritten from the LDAP contact (webadmin.md §6.4 step 4). */
export function differs(contact: MemberContact, card: MemberCard): boolean {
  return (
    contact.givenName !== card.givenName ||
    contact.familyName !== card.familyName ||
    contact.email !== card.email ||
    contact.phone !== card.phone ||
    (contact.displayName !== undefined && contact.displayName !== card.displayName)
  );
}

/** vCard 4.0 of a contact: UID, FN if non-blank, N if a name part exists, EMAIL, TEL;TYPE=work; no PRODID. */
export function vcardOf(contact: MemberContact, uid: string): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `UID:${escapeText(uid)}`];
  if (contact.displayName) lines.push(`FN:${escapeText(contact.displayName)}`);
  if (contact.familyName || contact.givenName)
    lines.push(
      `N:${escapeText(contact.familyName ?? '', true)};${escapeText(contact.givenName ?? '', true)};;;`,
    );
  lines.push(`EMAIL:${escapeText(contact.email)}`);
  if (contact.phone) lines.push(`TEL;TYPE=work:${escapeText(contact.phone)}`);
  lines.push('END:VCARD');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** The cards of an address-book export (any number of vCards, 3.0 or 4.0). Unparsable text yields no card. */
export function cardsOf(exported: string): MemberCard[] {
  if (exported.trim() === '') return [];
  const parsed = ICAL.parse(exported) as unknown;
  const jcards = (isSingleComponent(parsed) ? [parsed] : parsed) as unknown[];
  return jcards.map((jcard) => cardOf(new ICAL.Component(jcard as unknown[])));
}

function isSingleComponent(parsed: unknown): boolean {
  return Array.isArray(parsed) && typeof parsed[0] === 'string';
}

function cardOf(component: ICAL.Component): MemberCard {
  const text = (name: string) => {
    const value = component.getFirstPropertyValue(name);
    return value === null || value === undefined ? undefined : blankToUndefined(String(value));
  };
  const name = component.getFirstProperty('n')?.getFirstValue() as unknown;
  const parts = Array.isArray(name) ? name : typeof name === 'string' ? name.split(';') : [];
  const email = component
    .getAllProperties('email')
    .map((property) => blankToUndefined(String(property.getFirstValue() ?? '').replace(/^mailto:/i, '')))
    .find((value) => value !== undefined);
  const phone = text('tel')?.replace(/^tel:/i, '');
  return {
    uid: text('uid'),
    familyName: blankToUndefined(partText(parts[0])),
    givenName: blankToUndefined(partText(parts[1])),
    email: normalizedMail(email) ?? email,
    displayName: text('fn'),
    phone: blankToUndefined(phone),
  };
}

function partText(part: unknown): string | undefined {
  if (Array.isArray(part)) return part.join(',');
  return typeof part === 'string' ? part : undefined;
}

function blankToUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** RFC 6350 §3.4: backslash, comma and newline in text; semicolons too inside compound values (`N`). */
function escapeText(value: string, compound = false): string {
  return value
    .replace(compound ? /[\\;,]/g : /[\\,]/g, (character) => `\\${character}`)
    .replace(/\r?\n/g, '\\n');
}

/** RFC 6350 folding at 75 octets, never inside a UTF-8 sequence. */
function fold(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const pieces: string[] = [];
  let current = '';
  let size = 0;
  for (const character of line) {
    const width = Buffer.byteLength(character, 'utf8');
    if (size + width > (pieces.length === 0 ? 75 : 74)) {
      pieces.push(current);
      current = '';
      size = 0;
    }
    current += character;
    size += width;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}
