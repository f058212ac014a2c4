import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { Agent, Dispatcher } from 'undici';

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Dispatcher.ResponseData['body'];
}

/** One `<response>` of a multistatus: its href and the text of each property found with status 200. */
export interface MultistatusEntry {
  href: string;
  props: Map<string, string>;
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Minimal multistatus reader for Radicale's regular output (test code: no namespace resolution). */
export function parseMultistatus(xml: string): MultistatusEntry[] {
  const entries: MultistatusEntry[] = [];
  for (const block of xml.split(/<(?:\w+:)?response>/).slice(1)) {
    const href = /<(?:\w+:)?href>([^<]*)<\/(?:\w+:)?href>/.exec(block)?.[1];
    if (!href) continue;
    const props = new Map<string, string>();
    for (const propstat of block.split(/<(?:\w+:)?propstat>/).slice(1)) {
      if (!/<(?:\w+:)?status>[^<]*200/.test(propstat)) continue;
      const prop = /<(?:\w+:)?prop>([\s\S]*)<\/(?:\w+:)?prop>/.exec(propstat)?.[1] ?? '';
      const element = /<((?:\w+:)?([\w-]+))(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/\1>)/g;
      for (let match = element.exec(prop); match; match = element.exec(prop)) {
        props.set(match[2]!, unescapeXml(match[3] ?? ''));
      }
    }
    entries.push({ href: decodeURIComponent(href), props });
  }
  return entries;
}

/** Standard CalDAV/CardDAV requests to Radicale, which accepts any Basic user (notes/radicale.md). */
export class Radicale {
  private readonly agent = new Agent({ keepAliveTimeout: 5_000, connections: 64 });
  private readonly origin: string;
  private readonly credential = `Basic ${Buffer.from('esn-sabre-double:x').toString('base64')}`;

  constructor(url: string) {
    this.origin = new URL(url).origin;
  }

  urlOf(path: string): string {
    return `${this.origin}${path}`;
  }

  async request(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: string | Buffer | Readable | null } = {},
  ): Promise<UpstreamResponse> {
    const response = await this.agent.request({
      origin: this.origin,
      path,
      method: method as Dispatcher.HttpMethod,
      headers: { ...options.headers, authorization: this.credential },
      body: options.body ?? null,
    });
    return { status: response.statusCode, headers: response.headers, body: response.body };
  }

  async text(method: string, path: string, options: Parameters<Radicale['request']>[2] = {}) {
    const response = await this.request(method, path, options);
    return { status: response.status, headers: response.headers, text: await response.body.text() };
  }

  async propfind(path: string, depth: '0' | '1', props: string): Promise<MultistatusEntry[] | undefined> {
    const body =
      '<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"' +
      ' xmlns:CS="http://calendarserver.org/ns/" xmlns:A="http://apple.com/ns/ical/"' +
      ` xmlns:E="${ESN_NS}"><D:prop>${props}</D:prop></D:propfind>`;
    const response = await this.text('PROPFIND', path, {
      headers: { depth, 'content-type': 'application/xml' },
      body,
    });
    if (response.status === 404) return undefined;
    if (response.status !== 207) throw new Error(`PROPFIND ${path}: ${response.status} ${response.text}`);
    return parseMultistatus(response.text);
  }

  /** Creates the collection when missing (`MKCOL` for plain ones, `MKCALENDAR`, extended `MKCOL` for books). */
  async ensureCollection(
    path: string,
    kind: 'plain' | 'calendar' | 'addressbook',
    name?: string,
  ): Promise<void> {
    const head = await this.request('PROPFIND', path, { headers: { depth: '0' } });
    await head.body.dump();
    if (head.status === 207) return;
    const displayName = name ? `<D:displayname>${name}</D:displayname>` : '';
    let response: UpstreamResponse;
    if (kind === 'plain') response = await this.request('MKCOL', path);
    else if (kind === 'calendar')
      response = await this.request('MKCALENDAR', path, {
        headers: { 'content-type': 'application/xml' },
        body: `<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>${displayName}</D:prop></D:set></C:mkcalendar>`,
      });
    else
      response = await this.request('MKCOL', path, {
        headers: { 'content-type': 'application/xml' },
        body:
          '<D:mkcol xmlns:D="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav"><D:set><D:prop>' +
          `<D:resourcetype><D:collection/><CR:addressbook/></D:resourcetype>${displayName}</D:prop></D:set></D:mkcol>`,
      });
    const text = await response.body.text();
    // 405/409: created concurrently.
    if (response.status >= 300 && response.status !== 405 && response.status !== 409)
      throw new Error(`creating ${path}: ${response.status} ${text}`);
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/** Namespace of the double's own properties stored in Radicale (subscription source, public right). */
export const ESN_NS = 'urn:twake:esn-sabre-double';
