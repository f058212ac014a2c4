import { Injectable } from '@nestjs/common';
import { DavHttpClient, DavRequest, DavResponse } from '../dav-http.client';
import { DavIdentity } from '../dav-identity';
import { DavPaths } from '../dav-paths';

/** A collection's sync token as a user sees it: the token, or why there is none. */
export type DavSyncToken =
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'not-found' };

/** Whether a user may read a collection. */
export type DavCollectionAccess = 'allowed' | 'forbidden' | 'not-found';

/** Any JSON scalar, taken as text (dav.md §4.5); objects, arrays and null are not tokens. */
function tokenText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Sync tokens and read checks behind WebSocket push (dav.md §5.7 [ext], rest-api.md §6.7). */
@Injectable()
export class DavSyncTokenClient {
  constructor(private readonly http: DavHttpClient) {}

  /** `GET /calendars/{home}/{cal}.json`: `calendarserver:ctag` (missing → error); 403 → forbidden; 404 → not found. */
  calendarSyncToken(identity: DavIdentity, homeId: string, calendarId: string): Promise<DavSyncToken> {
    return this.token(
      {
        method: 'GET',
        path: `${DavPaths.calendar(homeId, calendarId)}.json`,
        identity,
        headers: { accept: 'application/json' },
      },
      'calendarserver:ctag',
    );
  }

  /** `GET /addressbooks/{home}/{book}?limit=0`: `dav:syncToken`; 403 → forbidden; 404 → not found. */
  addressBookSyncToken(identity: DavIdentity, homeId: string, bookId: string): Promise<DavSyncToken> {
    return this.token(
      {
        method: 'GET',
        path: `${DavPaths.addressBook(homeId, bookId)}?limit=0`,
        identity,
        headers: { accept: 'application/json' },
      },
      'dav:syncToken',
    );
  }

  /** `GET /addressbooks/{home}/{book}?limit=1` (`application/vcard+json`): 200 / 403 / 404; else an error. */
  async addressBookAccess(
    identity: DavIdentity,
    homeId: string,
    bookId: string,
  ): Promise<DavCollectionAccess> {
    const request: DavRequest = {
      method: 'GET',
      path: `${DavPaths.addressBook(homeId, bookId)}?limit=1`,
      identity,
      headers: { accept: 'application/vcard+json' },
    };
    const response = await this.http.send(request);
    if (response.status === 200 || response.status === 403 || response.status === 404) {
      await response.body.dump();
      return response.status === 200 ? 'allowed' : response.status === 403 ? 'forbidden' : 'not-found';
    }
    throw await this.http.failure(request, response);
  }

  private async token(request: DavRequest, field: string): Promise<DavSyncToken> {
    const response = await this.http.send(request);
    if (response.status === 403 || response.status === 404) {
      await response.body.dump();
      return { kind: response.status === 403 ? 'forbidden' : 'not-found' };
    }
    if (response.status !== 200) throw await this.http.failure(request, response);
    const text = await response.body.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw await this.http.failure(request, { ...response, body: replayBody(text) });
    }
    const token = tokenText((body as Record<string, unknown> | null)?.[field]);
    if (token === undefined)
      throw await this.http.failure(request, { ...response, body: replayBody(`${field} missing: ${text}`) });
    return { kind: 'token', token };
  }
}

/** A consumed body offered again to `DavHttpClient.failure`, which reads it as text. */
function replayBody(text: string): DavResponse['body'] {
  return { text: async () => text } as DavResponse['body'];
}
