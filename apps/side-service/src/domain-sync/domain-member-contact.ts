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

/** Properties the diff reads; the first occurrence wins (the first non-empty one for `EMAIL`). */
const READ = new Set(['UID', 'N', 'EMAIL', 'FN', 'TEL']);

/**
 * The cards of an address-book export (any number of vCards, 3.0 or 4.0): RFC 6350 content lines unfolded, the five
 * properties the diff compares read with their text escapes decoded. A dedicated reader rather than a full vCard
 * parser: a domain's book is read whole on every run, and this keeps the no-change run close to the bare export.
 */
export function cardsOf(exported: string): MemberCard[] {
  const cards: MemberCard[] = [];
  let depth = 0;
  let fields = new Map<string, string>();
  for (const line of exported.replace(/\r?\n[ \t]/g, '').split(/\r?\n/)) {
    const property = contentLine(line);
    if (!property) continue;
    if (property.name === 'BEGIN' && property.value.toUpperCase() === 'VCARD') {
      if (depth++ === 0) fields = new Map();
    } else if (property.name === 'END' && property.value.toUpperCase() === 'VCARD') {
      if (depth > 0 && --depth === 0) cards.push(cardOf(fields));
    } else if (depth === 1 && READ.has(property.name) && !fields.has(property.name)) {
      if (property.name !== 'EMAIL' || property.value.trim() !== '')
        fields.set(property.name, property.value);
    }
  }
  return cards;
}

/** `[group.]name[;params]:value`, the name upper-cased, the value raw (escapes kept); `undefined` if malformed. */
function contentLine(line: string): { name: string; value: string } | undefined {
  let colon = line.indexOf(':');
  if (colon <= 0) return undefined;
  const semicolon = line.indexOf(';');
  const nameEnd = semicolon > 0 && semicolon < colon ? semicolon : colon;
  const quote = line.indexOf('"', nameEnd);
  if (quote >= 0 && quote < colon) {
    // A quoted parameter value may hold a colon: the value starts at the first colon outside quotes.
    colon = -1;
    for (let index = nameEnd, quoted = false; index < line.length; index++) {
      const character = line[index];
      if (character === '"') quoted = !quoted;
      else if (character === ':' && !quoted) {
        colon = index;
        break;
      }
    }
    if (colon < 0) return undefined;
  }
  const qualified = line.slice(0, nameEnd);
  const name = qualified.slice(qualified.lastIndexOf('.') + 1);
  if (!/^[A-Za-z0-9-]+$/.test(name)) return undefined;
  return { name: name.toUpperCase(), value: line.slice(colon + 1) };
}

function cardOf(fields: Map<string, string>): MemberCard {
  const text = (name: string) => {
    const value = fields.get(name);
    return value === undefined ? undefined : blankToUndefined(unescapeText(value));
  };
  const parts = splitUnescaped(fields.get('N') ?? '', ';').map(unescapeText);
  const email = text('EMAIL')?.replace(/^mailto:/i, '');
  return {
    uid: text('UID'),
    familyName: blankToUndefined(parts[0]),
    givenName: blankToUndefined(parts[1]),
    email: normalizedMail(email) ?? email,
    displayName: text('FN'),
    phone: blankToUndefined(text('TEL')?.replace(/^tel:/i, '')),
  };
}

/** Splits on `separator` where it is not escaped by a backslash (escapes kept for `unescapeText`). */
function splitUnescaped(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < value.length; index++) {
    const character = value[index]!;
    if (character === '\\' && index + 1 < value.length) {
      current += character + value[++index];
    } else if (character === separator) {
      parts.push(current);
      current = '';
    } else current += character;
  }
  parts.push(current);
  return parts;
}

/** RFC 6350 §3.4 text escapes: `\n`, `\,`, `\;`, `\\`. */
function unescapeText(value: string): string {
  return value.includes('\\')
    ? value.replace(/\\([nN,;\\])/g, (_, escaped: string) =>
        escaped === 'n' || escaped === 'N' ? '\n' : escaped,
      )
    : value;
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
