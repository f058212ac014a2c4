import { Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { DavAnswerRelay, DavHttpClient, DavUnavailableError } from '@app/dav-client';

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
}

/** Sends one proxied request as the authenticated user (impersonation); its answer goes to `handler` as it arrives. */
@Injectable()
export class DavForwarder {
  constructor(private readonly http: DavHttpClient) {}

  forward(request: ProxiedRequest, relay: DavAnswerRelay): void {
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = request.headers[name];
      const first = Array.isArray(value) ? value[0] : value;
      if (first !== undefined) headers[name] = first;
    }
    this.http.dispatchAs(
      request.username,
      {
        method: request.method,
        path: request.path,
        headers,
        body: request.body,
        userAgent: DAV_PROXY_USER_AGENT,
      },
      relay,
    );
  }

  unavailable(request: Pick<ProxiedRequest, 'method' | 'path'>, error: unknown): DavUnavailableError {
    return this.http.unavailable(request, error);
  }

  urlOf(path: string): string {
    return this.http.urlOf(path);
  }
}
