import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

export const MiB = 1024 * 1024;
/** Size of the generated answers. */
export const LARGE_BODY_BYTES = 256 * MiB;
/** At most this much may be in flight between the two ends (socket and stream buffers), far below the body. */
export const IN_FLIGHT_BOUND = 32 * MiB;

const CHUNK = Buffer.alloc(64 * 1024, 'x');
const EVENT = Buffer.from(
  'BEGIN:VEVENT\r\nUID:generated\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260101T100000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\n',
);

/**
 * A DAV server stand-in for transport properties only (stored-data behaviour is tested against Radicale behind the
 * esn-sabre double): answers of 256 MiB produced on the fly (`/big`, or any calendar `?export`), a sink counting
 * what it receives while pausing once (`/sink`), a path that never answers (`/hang`), JSON calendars for
 * `GET /calendars/{home}/{cal}`, and 500 `boom` for the rest. `sent`/`received` let tests bound what is in flight;
 * `requests` counts the requests received.
 */
export class TransportDavServer {
  sent = 0;
  received = 0;
  requests = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<TransportDavServer> {
    const server = createServer();
    const instance = new TransportDavServer(server);
    server.on('request', (req, res) => instance.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requests++;
    const url = req.url ?? '';
    if (url === '/big' || url.endsWith('?export')) return this.large(res, url === '/big' ? CHUNK : EVENT);
    if (url === '/sink') return this.sink(req, res);
    if (url === '/hang') return;
    if (
      /^\/calendars\/[^/?]+\/[^/?]+$/.test(url) &&
      (req.headers.accept ?? '').includes('application/json')
    ) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ _links: { self: { href: `${url}.json` } }, 'dav:name': 'Large' }));
    }
    res.writeHead(500, { 'content-type': 'text/plain' }).end('boom');
  }

  private large(res: ServerResponse, unit: Buffer): void {
    const count = Math.floor(LARGE_BODY_BYTES / unit.length);
    res.writeHead(200, { 'content-type': 'text/calendar', 'content-length': String(count * unit.length) });
    this.sent = 0;
    let written = 0;
    const batch = Buffer.concat(
      Array.from({ length: Math.max(1, Math.floor(CHUNK.length / unit.length)) }, () => unit),
    );
    const write = () => {
      while (written < count) {
        const units = Math.min(count - written, batch.length / unit.length);
        const piece = batch.subarray(0, units * unit.length);
        written += units;
        this.sent += piece.length;
        if (!res.write(piece)) return void res.once('drain', write);
      }
      res.end();
    };
    write();
  }

  private sink(req: IncomingMessage, res: ServerResponse): void {
    this.received = 0;
    req.on('data', (chunk: Buffer) => {
      this.received += chunk.length;
      // A slow consumer for a while: a buffering proxy would read the whole body from its client meanwhile.
      if (this.received >= MiB && this.received - chunk.length < MiB) {
        req.pause();
        setTimeout(() => req.resume(), 500);
      }
    });
    req.on('end', () => res.writeHead(201, { 'x-received': String(this.received) }).end());
  }
}
