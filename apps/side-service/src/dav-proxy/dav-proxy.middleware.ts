import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { ServerResponse } from 'node:http';
import { AuthenticationChain, credentialSourceOf } from '@app/auth';
import { redactUrl } from '@app/observability';
import { DavAnswerRelay, DavUnavailableError, isSafeDavPath } from '@app/dav-client';
import { DAV_PROXY_PREFIX } from '../http/dav-proxy-paths';
import { RestError } from '../http/rest-error';
import { logCompletion } from './dav-proxy-log';
import { DavForwarder } from './dav-forwarder';

/** Requests the fast path could not forward: `use` answers them with the error (never forwarding twice). */
const fastPathFailures = new WeakMap<Request, unknown>();

/**
 * `ANY /dav/**` (rest-api.md §7): authenticates the caller with the usual credential chain, then streams the request
 * to the DAV server as that user and the answer back (status, end-to-end headers, body), never buffering either.
 * Paths escaping the DAV base (dot segments, encoded separators, absolute or scheme-relative URLs) are refused.
 */
@Injectable()
export class DavProxyMiddleware implements NestMiddleware {
  private readonly logger = new Logger(DavProxyMiddleware.name);

  constructor(
    private readonly chain: AuthenticationChain,
    private readonly forwarder: DavForwarder,
  ) {}

  async use(req: Request, res: Response): Promise<void> {
    const failed = fastPathFailures.get(req);
    if (failed) throw this.answerTo(failed);
    const source = credentialSourceOf(req);
    const user = this.chain.authenticateFromCache(source) ?? (await this.chain.authenticate(source));
    const path = req.originalUrl.slice('/dav'.length);
    if (!isSafeDavPath(path)) throw RestError.badRequest('Invalid DAV path');
    await this.proxy(req, res, path, user.username).catch((error: unknown) => {
      throw this.answerTo(error);
    });
  }

  /**
   * The same proxy ahead of the request logger and of Nest's middleware chain (`bootstrap.ts` mounts it after the
   * CORS policy, the metrics and the body parsers), for a caller whose credential the authentication cache knows
   * and a safe path: what most DAV requests of a signed-in SPA are. Anything else (no or unknown credential, an
   * unsafe path) goes on to `use` through the whole chain, untouched; so does a failure to reach the DAV server, with
   * the error kept for `use` to answer (the body, if any, is not sent twice). The request log line of the chain is
   * written here, only when its level is enabled.
   */
  readonly fastPath = (req: Request, res: Response, next: NextFunction): void => {
    if (!req.url.startsWith(DAV_PROXY_PREFIX)) return next();
    const user = this.chain.authenticateFromCache(credentialSourceOf(req));
    const path = req.url.slice('/dav'.length);
    if (!user || !isSafeDavPath(path)) return next();
    const started = Date.now();
    res.once('close', () => {
      if (!fastPathFailures.has(req)) logCompletion(req, res, started);
    });
    this.proxy(req, res, path, user.username).catch((error: unknown) => {
      fastPathFailures.set(req, error);
      next();
    });
  };

  /** Forwards the request as `username` and relays the answer; rejects only when the DAV server cannot be reached. */
  private proxy(req: Request, res: Response, path: string, username: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const relay = new DavAnswerRelay(res, onlyDavHeaders, ({ failure, interrupted, serverError }) => {
        if (failure) return reject(this.forwarder.unavailable({ method: req.method, path }, failure));
        if (interrupted)
          this.logger.debug(`DAV proxy ${req.method} ${path} interrupted: ${String(interrupted)}`);
        if (serverError)
          this.logger.error(
            `DAV ${req.method} ${redactUrl(this.forwarder.urlOf(path))} answered ${serverError.status}: ${serverError.body}`,
          );
        resolve();
      });
      this.forwarder.forward(
        { method: req.method, path, headers: req.headers, body: hasBody(req) ? req : null, username },
        relay,
      );
    });
  }

  private answerTo(error: unknown): unknown {
    if (!(error instanceof DavUnavailableError)) return error;
    this.logger.warn(error.message);
    return new RestError(503, 'DAV server unavailable');
  }
}

/**
 * Only the DAV server's headers (rest-api.md §3.2): none of those set by our own middlewares (request id), except
 * what the configured CORS policy gave an allowed origin, without which a browser drops the answer.
 */
function onlyDavHeaders(res: ServerResponse): void {
  const allowedOrigin = res.getHeader('access-control-allow-origin') !== undefined;
  for (const name of res.getHeaderNames())
    if (!(allowedOrigin && (name.startsWith('access-control-') || name === 'vary'))) res.removeHeader(name);
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
