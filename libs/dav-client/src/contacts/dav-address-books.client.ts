import { Injectable } from '@nestjs/common';
import { InvalidArgumentError } from '@app/core';
import { DavHttpClient, DavRequest, DavResponse } from '../dav-http.client';
import { DavIdentity } from '../dav-identity';
import { DavPaths } from '../dav-paths';

const JSON_TYPE = 'application/json';
const ALREADY_EXISTS = 'The resource you tried to create already exists';
const CARD_NOT_FOUND = 'Card not found';

/** The body of `POST /addressbooks/{home}.json` (dav.md §5.4, §5.7). */
export interface DavAddressBookCreation {
  id: string;
  'dav:name': string;
  'carddav:description'?: string;
  'dav:acl': string[];
  type: string;
}

/** Outcome of a write that may meet a missing book or home. */
export type DavCardWrite = 'done' | 'path-not-found';

/**
 * The "path not found" 404 of esn-sabre (dav.md §7): the home or the address book/calendar does not exist, as
 * opposed to a missing card.
 */
export function isPathNotFound(status: number, body: string): boolean {
  return (
    status === 404 &&
    (body.includes('Could not find node at path: calendars/') ||
      body.includes('Could not find node at path: addressbooks/') ||
      /Addressbook with name '.*' could not be found/s.test(body))
  );
}

/** The flags of the address-book home listing (dav.md §4.4). */
export const ADDRESS_BOOK_LISTING_FLAGS =
  'contactsCount=true&inviteStatus=2&personal=true&shared=true&subscribed=true';

/** An address book of a home listing (dav.md §4.4): id, `type` (empty = system book) and JSON. */
export interface ListedAddressBook {
  id: string;
  type: string;
  json: Record<string, unknown>;
}

/** esn-sabre refuses to delete a system address book (501). */
export class SystemAddressBookError extends InvalidArgumentError {
  constructor() {
    super('Cannot delete system address book');
  }
}

/** Address-book operations of esn-sabre (dav.md §5.4, §5.7, §5.12), each with the statuses it accepts. */
@Injectable()
export class DavAddressBookClient {
  constructor(private readonly http: DavHttpClient) {}

  /**
   * `GET /addressbooks/{home}/{book}?export`: the vCard text, or `'path-not-found'` when the book or its home does
   * not exist. Any other answer is an error.
   */
  async export(identity: DavIdentity, homeId: string, bookId: string): Promise<string | 'path-not-found'> {
    const request: DavRequest = {
      method: 'GET',
      path: `${DavPaths.addressBook(homeId, bookId)}?export`,
      identity,
    };
    const response = await this.http.send(request);
    if (response.status === 200) return response.body.text();
    const body = await textOf(response);
    if (isPathNotFound(response.status, body)) return 'path-not-found';
    throw await this.http.failure(request, replay(response, body));
  }

  /** `POST /addressbooks/{home}.json`: 201, or an answer saying the book already exists; else an error. */
  async create(identity: DavIdentity, homeId: string, book: DavAddressBookCreation): Promise<void> {
    const request: DavRequest = {
      method: 'POST',
      path: `${DavPaths.addressBookHome(homeId)}.json`,
      identity,
      headers: { accept: JSON_TYPE, 'content-type': JSON_TYPE },
      body: JSON.stringify(book),
    };
    const response = await this.http.send(request);
    const body = await textOf(response);
    if (response.status === 201 || body.includes(ALREADY_EXISTS)) return;
    throw await this.http.failure(request, replay(response, body));
  }

  /** `GET /addressbooks/{home}.json?{flags}` (Accept JSON): the body as sent. */
  async homeJson(identity: DavIdentity, homeId: string): Promise<string> {
    const request: DavRequest = {
      method: 'GET',
      path: `${DavPaths.addressBookHome(homeId)}.json?${ADDRESS_BOOK_LISTING_FLAGS}`,
      identity,
      headers: { accept: JSON_TYPE },
    };
    return (await this.http.expect(request, [200])).body.text();
  }

  /** The books of a home; an href not of the form `/addressbooks/{home}/{id}.json` is an error (§4.4). */
  async list(identity: DavIdentity, homeId: string): Promise<ListedAddressBook[]> {
    const text = await this.homeJson(identity, homeId);
    if (text.trim() === '') return [];
    const json = JSON.parse(text) as { _embedded?: { 'dav:addressbook'?: Record<string, unknown>[] } };
    return (json._embedded?.['dav:addressbook'] ?? []).map((book) => {
      const href = (book as { _links?: { self?: { href?: unknown } } })._links?.self?.href;
      const match = typeof href === 'string' ? /^\/addressbooks\/[^/]+\/([^/]+)\.json$/.exec(href) : null;
      if (!match)
        throw new Error(`unexpected address book href in the listing of ${homeId}: ${String(href)}`);
      return {
        id: decodeURIComponent(match[1]!),
        type: typeof book.type === 'string' ? book.type : '',
        json: book,
      };
    });
  }

  /** `DELETE /addressbooks/{home}/{book}` (Accept `application/vcard+json`): 204; 501 = a system book. */
  async deleteBook(identity: DavIdentity, homeId: string, bookId: string): Promise<void> {
    const request: DavRequest = {
      method: 'DELETE',
      path: DavPaths.addressBook(homeId, bookId),
      identity,
      headers: { accept: 'application/vcard+json' },
    };
    const response = await this.http.send(request);
    const body = await textOf(response);
    if (response.status === 204) return;
    if (response.status === 501) throw new SystemAddressBookError();
    throw await this.http.failure(request, replay(response, body));
  }

  /** `GET /addressbooks/{home}/{book}.json` (Accept JSON): 200 → true; 401/403/404 → false; else an error. */
  async exists(identity: DavIdentity, homeId: string, bookId: string): Promise<boolean> {
    const request: DavRequest = {
      method: 'GET',
      path: `${DavPaths.addressBook(homeId, bookId)}.json`,
      identity,
      headers: { accept: JSON_TYPE },
    };
    const response = await this.http.expect(request, [200, 401, 403, 404]);
    await response.body.dump().catch(() => undefined);
    return response.status === 200;
  }

  /** `POST /addressbooks/{home}/{book}.json` with a publish, unpublish or share body: 200/204; else an error. */
  async post(identity: DavIdentity, homeId: string, bookId: string, body: unknown): Promise<void> {
    const request: DavRequest = {
      method: 'POST',
      path: `${DavPaths.addressBook(homeId, bookId)}.json`,
      identity,
      headers: { accept: JSON_TYPE, 'content-type': JSON_TYPE },
      body: JSON.stringify(body),
    };
    const response = await this.http.expect(request, [200, 204]);
    await response.body.dump().catch(() => undefined);
  }

  /** `PUT …/{uid}.vcf` (`application/vcard`): 201/204 → done; a "path not found" 404 is reported; else an error. */
  async putCard(
    identity: DavIdentity,
    homeId: string,
    bookId: string,
    uid: string,
    vcard: string,
  ): Promise<DavCardWrite> {
    const request: DavRequest = {
      method: 'PUT',
      path: DavPaths.vcard(homeId, bookId, uid),
      identity,
      headers: { 'content-type': 'application/vcard', accept: 'text/plain' },
      body: vcard,
    };
    const response = await this.http.send(request);
    const body = await textOf(response);
    if (response.status === 201 || response.status === 204) return 'done';
    if (isPathNotFound(response.status, body)) return 'path-not-found';
    throw await this.http.failure(request, replay(response, body));
  }

  /** `DELETE …/{uid}.vcf`: 204, or a 404 saying the card is not there (already gone); else an error. */
  async deleteCard(
    identity: DavIdentity,
    homeId: string,
    bookId: string,
    uid: string,
    accept = 'text/plain',
  ): Promise<void> {
    const request: DavRequest = {
      method: 'DELETE',
      path: DavPaths.vcard(homeId, bookId, uid),
      identity,
      headers: { accept },
    };
    const response = await this.http.send(request);
    const body = await textOf(response);
    if (response.status === 204 || (response.status === 404 && body.includes(CARD_NOT_FOUND))) return;
    throw await this.http.failure(request, replay(response, body));
  }
}

async function textOf(response: DavResponse): Promise<string> {
  return response.body.text().catch(() => '');
}

/** The response again, its body already read (for `DavHttpClient.failure`). */
function replay(response: DavResponse, body: string): DavResponse {
  return { ...response, body: { text: async () => body } as DavResponse['body'] };
}
