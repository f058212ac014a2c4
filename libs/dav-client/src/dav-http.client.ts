import { Inject, Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { Agent, Dispatcher } from 'undici';
import type { DavConfig } from '@app/config';
import { InvalidArgumentError, reasonOf } from '@app/core';
import type { DavAnswerRelay } from './dav-answer-relay';
import { DavTechnicalTokenIssuer } from './dav-technical-token.issuer';
import { DAV_CONFIG, DAV_HTTP_AGENT } from './dav-client.tokens';
import { DavIdentity } from './dav-identity';
import { DavRequestError, DavUnavailableError } from './dav.errors';
import { isSafeDavPath } from './dav-paths';

export const SIDE_SERVICE_USER_AGENT = 'twake-calendar-side-service';

export interface DavRequest {
  method: string;
  /** Absolute path below the DAV base URL, with its query string; checked by `isSafeDavPath`. */
  path: string;
  /** `null`: no credential (the caller supplies its own headers). */
  identity: DavIdentity | null;
  headers?: Record<string, string>;
  body?: string | Buffer | Readable | null;
  userAgent?: string;
  signal?: AbortSignal;
}

export interface DavResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Must be consumed or dumped. */
  body: Dispatcher.ResponseData['body'];
}

/**
 * The one place that talks HTTP to esn-sabre: URL building below `DAV_URL` (its path prefix kept, the request path
 * never normalised), impersonation and technical-token credentials, user agent, keep-alive pool, timeouts (those
 * of the pool: `DAV_RESPONSE_TIMEOUT` for headers and between body chunks) and failure mapping.
 */
@Injectable()
export class DavHttpClient {
  private readonly origin: string;
  private readonly basePath: string;

  constructor(
    @Inject(DAV_CONFIG) private readonly config: DavConfig,
    @Inject(DAV_HTTP_AGENT) private readonly agent: Agent,
    private readonly technicalTokens: DavTechnicalTokenIssuer,
  ) {
    const url = new URL(config.url);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
  }

  /** The DAV URL a path designates (for messages and logs). */
  urlOf(path: string): string {
    return `${this.origin}${this.basePath}${path}`;
  }

  /** `Authorization: Basic base64("<admin>&<email>:<password>")`. */
  impersonation(email: string): string {
    const credential = `${this.config.adminUser}&${email}:${this.config.adminPassword}`;
    return `Basic ${Buffer.from(credential, 'utf8').toString('base64')}`;
  }

  async credentialHeaders(identity: DavIdentity | null): Promise<Record<string, string>> {
    if (!identity) return {};
    if (identity.kind === 'user') return { authorization: this.impersonation(identity.email) };
    return { twakecalendartoken: await this.technicalTokens.mint(identity.domainId) };
  }

  /** Sends the request; any answer resolves (callers check the status), a network failure or timeout rejects. */
  async send(request: DavRequest): Promise<DavResponse> {
    if (!isSafeDavPath(request.path)) throw new InvalidArgumentError('Invalid DAV path', request.path);
    const headers: Record<string, string> = {
      'user-agent': request.userAgent ?? SIDE_SERVICE_USER_AGENT,
      ...request.headers,
      ...(await this.credentialHeaders(request.identity)),
    };
    try {
      const response = await this.agent.request({
        origin: this.origin,
        path: `${this.basePath}${request.path}`,
        method: request.method as Dispatcher.HttpMethod,
        headers,
        body: request.body ?? null,
        signal: request.signal,
      });
      return { status: response.statusCode, headers: response.headers, body: response.body };
    } catch (error) {
      throw this.unavailable(request, error);
    }
  }

  /**
   * Sends the request as `email` (impersonation) and hands its answer to `relay` as it arrives (undici's dispatcher
   * API; the DAV proxy's path). The pool's timeouts apply; a failure reaches the relay as it is (`unavailable` maps
   * it to `DavUnavailableError`).
   */
  dispatchAs(
    email: string,
    request: Pick<DavRequest, 'method' | 'path' | 'headers' | 'body' | 'userAgent'>,
    handler: DavAnswerRelay,
  ): void {
    if (!isSafeDavPath(request.path)) throw new InvalidArgumentError('Invalid DAV path', request.path);
    const headers: Record<string, string> = {
      'user-agent': request.userAgent ?? SIDE_SERVICE_USER_AGENT,
      ...request.headers,
      authorization: this.impersonation(email),
    };
    this.agent.dispatch(
      {
        origin: this.origin,
        path: `${this.basePath}${request.path}`,
        method: request.method as Dispatcher.HttpMethod,
        headers,
        body: request.body ?? null,
      },
      handler,
    );
  }

  /** The error `send` gives for a request the DAV server could not answer. */
  unavailable(request: Pick<DavRequest, 'method' | 'path'>, error: unknown): DavUnavailableError {
    return new DavUnavailableError(request.method, this.urlOf(request.path), reasonOf(error));
  }

  /** Sends the request and returns the answer when its status is accepted; otherwise throws `DavRequestError`. */
  async expect(request: DavRequest, accepted: readonly number[]): Promise<DavResponse> {
    const response = await this.send(request);
    if (accepted.includes(response.status)) return response;
    throw await this.failure(request, response);
  }

  /** The error for an unexpected answer, its body read as UTF-8 text (dav.md §7). */
  async failure(
    request: Pick<DavRequest, 'method' | 'path'>,
    response: DavResponse,
  ): Promise<DavRequestError> {
    const body = await response.body.text().catch(() => '');
    return new DavRequestError(request.method, this.urlOf(request.path), response.status, body);
  }
}
