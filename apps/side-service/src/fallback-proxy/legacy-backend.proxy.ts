import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AuthenticationChain, UserJwtService, credentialSourceOf } from '@app/auth';
import type { AllConfig } from '@app/config';
import { UpstreamHttpClient, UpstreamResponse, endToEndHeaders } from '@app/http-client';
import { RestError } from '../http/rest-error';
import { UnmatchedRequestHandler } from '../http/unmatched-request.handler';

const TIMEOUT_MS = 30_000;

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * rest-api.md §8: requests no route handles (and not under `/dav/`) go to the legacy OpenPaaS server when
 * `OPENPAAS_BACKEND_URL` is set: same method, path and query, `Content-Type: application/json`, the caller's
 * credential replaced by a calendar JWT (anonymous without `Authorization`), no other header. The answer's status,
 * headers and body are streamed back. Without a backend: 404 with an empty body.
 */
@Injectable()
export class LegacyBackendProxy extends UnmatchedRequestHandler implements OnApplicationShutdown {
  private readonly logger = new Logger(LegacyBackendProxy.name);
  private readonly backendUrl?: string;
  private readonly upstream: UpstreamHttpClient;

  constructor(
    config: ConfigService<AllConfig, true>,
    private readonly chain: AuthenticationChain,
    private readonly jwt: UserJwtService,
  ) {
    super();
    const app = config.get('app', { infer: true });
    this.backendUrl = app.openpaasBackendUrl?.replace(/\/+$/, '');
    this.upstream = new UpstreamHttpClient({ trustAllCerts: app.openpaasBackendTrustAllCerts });
  }

  async handle(request: Request, response: Response): Promise<void> {
    // Not a registered route: no CORS nor any other header of ours.
    for (const name of response.getHeaderNames()) response.removeHeader(name);
    if (!this.backendUrl) {
      this.logger.log(`no route for ${request.method} ${request.originalUrl}`);
      response.status(404).end();
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (request.headers.authorization !== undefined) {
      const source = credentialSourceOf(request);
      const user = this.chain.authenticateFromCache(source) ?? (await this.chain.authenticate(source));
      headers.authorization = `Bearer ${await this.jwt.signUserToken(user.username)}`;
    }
    const aborted = new AbortController();
    response.once('close', () => {
      if (!response.writableFinished) aborted.abort();
    });
    let upstream: UpstreamResponse;
    try {
      upstream = await this.upstream.send({
        url: `${this.backendUrl}${request.originalUrl}`,
        method: request.method,
        headers,
        body: this.bodyOf(request),
        signal: aborted.signal,
        timeoutMs: TIMEOUT_MS,
      });
    } catch (error) {
      this.logger.warn(
        `legacy backend failed for ${request.method} ${request.originalUrl}: ${String(error)}`,
      );
      throw new RestError(502, 'Legacy OpenPaaS backend unavailable', 'ServerError');
    }
    await this.relay(request, response, upstream);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.upstream.close();
  }

  /** The body as it arrived; one already parsed into JSON or a form by the body parsers is serialised again. */
  private bodyOf(request: Request): string | Readable | undefined {
    if (!hasBody(request)) return undefined;
    if (!request.readableEnded) return request;
    if (request.body === undefined) return undefined;
    const type = (request.headers['content-type'] ?? '').toLowerCase();
    if (type.startsWith('application/x-www-form-urlencoded'))
      return new URLSearchParams(request.body as Record<string, string>).toString();
    return JSON.stringify(request.body);
  }

  private async relay(request: Request, response: Response, upstream: UpstreamResponse): Promise<void> {
    response.writeHead(upstream.status, endToEndHeaders(upstream.headers));
    try {
      await pipeline(upstream.body, response);
    } catch (error) {
      this.logger.debug(
        `fallback proxy ${request.method} ${request.originalUrl} interrupted: ${String(error)}`,
      );
      response.destroy();
    }
  }
}
