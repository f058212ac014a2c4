import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { Dispatcher } from 'undici';
import { endToEndHeaders } from '@app/http-client';

const LOGGED_BODY_BYTES = 4_096;

export interface RelayOutcome {
  /** Set when the DAV server gave no answer at all (nothing was written to the client). */
  failure?: Error;
  /** Set when the answer was broken off after it started (the client's answer is destroyed). */
  interrupted?: Error;
  /** The beginning of a 5xx answer's body, once it ended (for the log). */
  serverError?: { status: number; body: string };
}

/**
 * Writes a DAV server's answer to a client as undici delivers it (the DAV proxy, rest-api.md §7): status and
 * end-to-end headers (`beforeHead` first, to drop what the client's answer must not carry), then the body chunk by
 * chunk, the DAV server held back while the client does not keep up. A client going away aborts the DAV request; a
 * DAV answer broken off destroys the client's. `settle` is called once, when the exchange is over. One object per
 * request: no response object or body stream in between (`DavHttpClient.dispatchAs`).
 */
export class DavAnswerRelay implements Dispatcher.DispatchHandler {
  private controller?: Dispatcher.DispatchController;
  private started = false;
  private settled = false;
  private kept?: { status: number; chunks: Buffer[]; size: number };

  constructor(
    private readonly res: ServerResponse,
    private readonly beforeHead: (res: ServerResponse) => void,
    private readonly settle: (outcome: RelayOutcome) => void,
  ) {
    res.once('close', this.onClientClose);
  }

  private readonly onClientClose = () => {
    if (!this.res.writableFinished) this.controller?.abort(new Error('the client went away'));
  };

  private readonly onDrain = () => this.controller?.resume();

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.res.destroyed) controller.abort(new Error('the client went away'));
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    status: number,
    headers: IncomingHttpHeaders,
  ): void {
    if (status < 200) return; // informational answers are the DAV server's and undici's business
    this.started = true;
    this.beforeHead(this.res);
    this.res.writeHead(status, endToEndHeaders(headers));
    if (status >= 500) this.kept = { status, chunks: [], size: 0 };
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    const kept = this.kept;
    if (kept && kept.size < LOGGED_BODY_BYTES) {
      kept.chunks.push(chunk.subarray(0, LOGGED_BODY_BYTES - kept.size));
      kept.size += chunk.length;
    }
    if (!this.res.write(chunk)) {
      controller.pause();
      this.res.once('drain', this.onDrain);
    }
  }

  onResponseEnd(): void {
    this.res.end();
    const kept = this.kept;
    this.finish(
      kept ? { serverError: { status: kept.status, body: Buffer.concat(kept.chunks).toString('utf8') } } : {},
    );
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (!this.started) return this.finish({ failure: error });
    // The DAV server broke the answer off, or the client went away: nothing more can be said to the client.
    this.res.destroy();
    this.finish({ interrupted: error });
  }

  private finish(outcome: RelayOutcome): void {
    if (this.settled) return;
    this.settled = true;
    this.res.removeListener('close', this.onClientClose);
    this.settle(outcome);
  }
}
