import WebSocket from 'ws';

/** A frame as the server sent it: parsed JSON, plus its raw text (to assert exact answers such as `{}`). */
export interface ReceivedFrame {
  text: string;
  json: Record<string, unknown>;
}

/** A WebSocket client for tests: records every frame, waits for frames matching a predicate. */
export class TestSocket {
  readonly frames: ReceivedFrame[] = [];
  readonly pings: number[] = [];
  closed?: { code: number; reason: string };
  private waiters: { match: (frame: ReceivedFrame) => boolean; resolve: (frame: ReceivedFrame) => void }[] =
    [];
  private readonly closing: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) => {
      const text = (data as Buffer).toString('utf8');
      const frame = { text, json: JSON.parse(text) as Record<string, unknown> };
      this.frames.push(frame);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.match(frame)) return true;
        waiter.resolve(frame);
        return false;
      });
    });
    socket.on('ping', () => this.pings.push(Date.now()));
    this.closing = new Promise((resolve) =>
      socket.once('close', (code, reason) => {
        this.closed = { code, reason: reason.toString('utf8') };
        resolve(this.closed);
      }),
    );
  }

  /** Opens `url` (`ws://…/ws?ticket=…`); rejects with the HTTP status when the upgrade is refused. */
  static open(url: string, options: WebSocket.ClientOptions = {}): Promise<TestSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, options);
      const client = new TestSocket(socket);
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_request, response) => {
        reject(new UpgradeRefused(response.statusCode ?? 0));
        socket.terminate();
      });
      socket.once('error', (error) => reject(error));
    });
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The first frame (already received or to come) matching `match`. */
  next(match: (frame: ReceivedFrame) => boolean, timeoutMs = 5_000): Promise<ReceivedFrame> {
    const seen = this.frames.find(match);
    if (seen) {
      this.frames.splice(this.frames.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter.resolve !== done);
        reject(
          new Error(
            `no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames.map((f) => f.text))}`,
          ),
        );
      }, timeoutMs);
      const done = (frame: ReceivedFrame) => {
        clearTimeout(timer);
        this.frames.splice(this.frames.indexOf(frame), 1);
        resolve(frame);
      };
      this.waiters.push({ match, resolve: done });
    });
  }

  /** The next frame having member `key`. */
  nextWith(key: string, timeoutMs?: number): Promise<ReceivedFrame> {
    return this.next((frame) => key in frame.json, timeoutMs);
  }

  /** Sends `frame` and returns the next frame received after it. */
  async request(frame: unknown, timeoutMs?: number): Promise<ReceivedFrame> {
    const before = new Set(this.frames);
    this.send(frame);
    return this.next((received) => !before.has(received), timeoutMs);
  }

  whenClosed(): Promise<{ code: number; reason: string }> {
    return this.closing;
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    this.socket.close();
    await Promise.race([this.closing, new Promise((resolve) => setTimeout(resolve, 1_000))]);
    this.socket.terminate();
  }
}

export class UpgradeRefused extends Error {
  constructor(readonly status: number) {
    super(`upgrade refused with ${status}`);
  }
}

/** The HTTP status of a refused upgrade. */
export async function refusalOf(url: string): Promise<number> {
  try {
    const socket = await TestSocket.open(url);
    await socket.close();
    return 101;
  } catch (error) {
    if (error instanceof UpgradeRefused) return error.status;
    throw error;
  }
}
