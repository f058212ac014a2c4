import { Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { DavHttpClient, DavResponse } from './dav-http.client';
import { DavIdentity } from './dav-identity';
import { DavCalendarJson, DavItemJson, DavItemsJson, selfHref } from './dav-json';
import { DavPaths } from './dav-paths';

const JSON_TYPE = 'application/json';

/** A calendar object as read from DAV: its ICS text and the `ETag` header, verbatim. */
export interface DavObject {
  ics: string;
  etag: string | undefined;
}

/** An event found by UID in a calendar home (dav.md §4.3). */
export interface DavEventLookup {
  href: string;
  item: DavItemJson;
}

/** Outcome of a write: the DAV status (the accepted ones depend on the operation). */
export interface DavWriteOutcome {
  status: number;
  ok: boolean;
}

/**
 * esn-sabre operations the features use (dav.md §5), each with the statuses it accepts. Bodies that can be large
 * (exports) are returned as streams.
 */
@Injectable()
export class DavClient {
  private readonly logger = new Logger(DavClient.name);

  constructor(readonly http: DavHttpClient) {}

  /** `GET /calendars/{home}/{cal}` (Accept JSON): the calendar, or `undefined` on 404 (§4.2, §5.1). */
  async getCalendar(
    identity: DavIdentity,
    homeId: string,
    calendarId: string,
    options: { withRights?: boolean } = {},
  ): Promise<DavCalendarJson | undefined> {
    const path = `${DavPaths.calendar(homeId, calendarId)}${options.withRights ? '?withRights=true' : ''}`;
    const request = { method: 'GET', path, identity, headers: { accept: JSON_TYPE } };
    const response = await this.http.expect(request, [200, 404]);
    if (response.status === 404) return dumped(response, undefined);
    return (await response.body.json()) as DavCalendarJson;
  }

  /**
   * `GET {calendar}?export` (§5.1): the ICS stream, or `undefined` when the server does not implement it (501).
   * `calendarPath` is a calendar path as esn-sabre writes it (a `.json` suffix is accepted).
   */
  async exportCalendar(identity: DavIdentity, calendarPath: string): Promise<Readable | undefined> {
    const request = {
      method: 'GET',
      path: `${calendarPath}?export`,
      identity,
      headers: { accept: 'application/xml' },
    };
    const response = await this.http.expect(request, [200, 501]);
    if (response.status === 501) {
      this.logger.warn(`DAV export of ${calendarPath} not implemented (501): nothing exported`);
      return dumped(response, undefined);
    }
    return response.body;
  }

  /** `REPORT /calendars/{home}.json {"uid"}` (§4.3): the first item, or `undefined` (404 or empty answer). */
  async findEventByUid(
    identity: DavIdentity,
    homeId: string,
    uid: string,
  ): Promise<DavEventLookup | undefined> {
    const request = {
      method: 'REPORT',
      path: `${DavPaths.calendarHome(homeId)}.json`,
      identity,
      headers: { accept: JSON_TYPE, 'content-type': JSON_TYPE },
      body: JSON.stringify({ uid }),
    };
    const response = await this.http.expect(request, [200, 404]);
    if (response.status === 404) return dumped(response, undefined);
    const text = await response.body.text();
    if (text.trim() === '') return undefined;
    const item = ((JSON.parse(text) as DavItemsJson)._embedded?.['dav:item'] ?? [])[0];
    const href = selfHref(item);
    return item && href ? { href, item } : undefined;
  }

  /** `GET {href}` without Accept (§6.1, §5.6): the ICS and its ETag, or `undefined` on 404. */
  async getObject(identity: DavIdentity, href: string): Promise<DavObject | undefined> {
    const response = await this.http.expect({ method: 'GET', path: href, identity }, [200, 404]);
    if (response.status === 404) return dumped(response, undefined);
    const etag = response.headers['etag'];
    return { ics: await response.body.text(), etag: Array.isArray(etag) ? etag[0] : etag };
  }

  /** `PUT {href}` with `If-Match` (§6.1 step 3): 2xx → ok; 412 → not ok (concurrent change); other → error. */
  async putObject(identity: DavIdentity, href: string, ics: string, etag?: string): Promise<DavWriteOutcome> {
    const request = {
      method: 'PUT',
      path: href,
      identity,
      headers: {
        accept: 'application/xml',
        'content-type': 'text/calendar; charset=utf-8',
        ...(etag ? { 'if-match': etag } : {}),
      },
      body: ics,
    };
    const response = await this.http.expect(request, [200, 201, 204, 412]);
    return dumped(response, { status: response.status, ok: response.status !== 412 });
  }

  /**
   * `PUT /calendars/{home}/{cal}/{uid}.ics?import` (§5.3): esn-sabre drops an object of the same name elsewhere in
   * the home and sends no scheduling message. Any status is returned (the import counts failures).
   */
  async importCalendarObject(
    identity: DavIdentity,
    homeId: string,
    calendarId: string,
    objectName: string,
    ics: string,
  ): Promise<DavWriteOutcome> {
    const request = {
      method: 'PUT',
      path: `${DavPaths.calendarObject(homeId, calendarId, objectName)}?import`,
      identity,
      headers: { 'content-type': 'text/plain' },
      body: ics,
    };
    return this.write(request, [201, 204]);
  }

  /** `PUT /addressbooks/{home}/{book}/{uid}.vcf` (§5.3): 201 or 204 is a success. */
  async putVCard(
    identity: DavIdentity,
    homeId: string,
    bookId: string,
    uid: string,
    vcard: string,
  ): Promise<DavWriteOutcome> {
    const request = {
      method: 'PUT',
      path: DavPaths.vcard(homeId, bookId, uid),
      identity,
      headers: { 'content-type': 'application/vcard', accept: 'text/plain' },
      body: vcard,
    };
    return this.write(request, [201, 204]);
  }

  private async write(
    request: Parameters<DavHttpClient['send']>[0],
    accepted: number[],
  ): Promise<DavWriteOutcome> {
    const response = await this.http.send(request);
    const ok = accepted.includes(response.status);
    if (!ok) {
      const failure = await this.http.failure(request, response);
      this.logger.warn(failure.message);
      return { status: response.status, ok };
    }
    return dumped(response, { status: response.status, ok });
  }
}

async function dumped<T>(response: DavResponse, value: T): Promise<T> {
  await response.body.dump().catch(() => undefined);
  return value;
}
