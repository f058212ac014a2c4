import { Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { DavHttpClient, DavIdentity, DavResponse } from '@app/dav-client';

export const DAV_PROXY_USER_AGENT = 'twake-calendar-dav-proxy';

/** Request headers forwarded to the DAV server (rest-api.md §7 step 4), plus the body framing. */
const FORWARDED_HEADERS = [
  'accept',
  'destination',
  'depth',
  'content-type',
  'x-http-method-override',
  'prefer',
  'content-length',
];

export interface ProxiedRequest {
  method: string;
  /** Path below the DAV base URL, with its query string (the `/dav` prefix removed). */
  path: string;
  headers: IncomingHttpHeaders;
  /** Streamed as it arrives; `null` when the request has no body. */
  body: Readable | null;
  username: string;
  signal: AbortSignal;
}

/** Sends one proxied request as the authenticated user (impersonation) and returns the DAV answer unread. */
@Injectable()
export class DavForwarder {
  constructor(private readonly http: DavHttpClient) {}

  forward(request: ProxiedRequest): Promise<DavResponse> {
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = request.headers[name];
      const first = Array.isArray(value) ? value[0] : value;
      if (first !== undefined) headers[name] = first;
    }
    return this.http.send({
      method: request.method,
      path: request.path,
      identity: DavIdentity.user(request.username),
      headers,
      body: request.body,
      userAgent: DAV_PROXY_USER_AGENT,
      signal: request.signal,
    });
  }

  urlOf(path: string): string {
    return this.http.urlOf(path);
  }
}
