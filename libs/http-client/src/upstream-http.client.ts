import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { Agent, Dispatcher, request as send } from 'undici';

export interface UpstreamRequest {
  /** Absolute URL, query string included. */
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string | Buffer | Readable | null;
  signal?: AbortSignal;
  /** Bound on the wait for the headers and between body chunks. */
  timeoutMs: number;
}

/** The answer's body: a stream with `text()`, `json()` and `dump()`; must be consumed or dumped. */
export type UpstreamBody = Dispatcher.ResponseData['body'];

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: UpstreamBody;
}

/**
 * An HTTP client for one other server (keep-alive pool, optional trust of self-signed certificates): features that
 * call or proxy to an HTTP backend use it instead of a driver. Any answer resolves; a network failure or a timeout
 * rejects. `close()` on shutdown.
 */
export class UpstreamHttpClient {
  private readonly agent: Agent;

  constructor(
    options: { trustAllCerts?: boolean; /** Sockets per origin at the most. */ connections?: number } = {},
  ) {
    this.agent = new Agent({
      keepAliveTimeout: 30_000,
      ...(options.connections === undefined ? {} : { connections: options.connections }),
      connect: { rejectUnauthorized: !options.trustAllCerts },
    });
  }

  async send(request: UpstreamRequest): Promise<UpstreamResponse> {
    const response = await send(request.url, {
      method: request.method as Dispatcher.HttpMethod,
      headers: request.headers,
      body: request.body ?? undefined,
      dispatcher: this.agent,
      signal: request.signal,
      headersTimeout: request.timeoutMs,
      bodyTimeout: request.timeoutMs,
    });
    return { status: response.statusCode, headers: response.headers, body: response.body };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
