import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Db } from 'mongodb';
import { AddressBooks, DavAnswer } from './address-books';
import { AddressBookContents } from './address-book-contents';
import { AccessRefused, CollectionAccess } from './collection-access';
import { CalendarJson, ESN_NS, escapeXml } from './calendar-json';
import { CalendarLifecycle } from './calendar-lifecycle';
import { filterCalendarListing } from './calendar-listing-flags';
import { FreeBusyJson } from './free-busy-json';
import { counterProposal } from './itip-counter';
import { CalendarObjectsJson, JsonAnswer } from './calendar-objects-json';
import { calendarQueryReport } from './calendar-query-time-ranges';
import { CalendarSharing, DavPublisher, SharingRefused } from './calendar-sharing';
import { ItipInbox } from './itip-inbox';
import { Principal, PrincipalDirectory } from './principals';
import { Radicale, UpstreamResponse } from './radicale';
import { ResourceScheduling } from './resource-scheduling';

export interface EsnSabreDoubleOptions {
  /** The real CalDAV/CardDAV server holding the data (Radicale from the stack). */
  radicaleUrl: string;
  /** The side service's database: users, domains, resources, team calendars. */
  db: Db;
  adminUser: string;
  adminPassword: string;
  /** Side service REST API, for technical-token introspection; may be set once the service listens. */
  sideServiceUrl?: string;
  /** Port to listen on (127.0.0.1); default: any free one. */
  port?: number;
}

/** One request as the double saw it, for assertions. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  principal?: Principal;
}

/** Request headers passed through to Radicale (framing and the standard DAV ones). */
const FORWARDED = [
  'accept',
  'content-type',
  'content-length',
  'depth',
  'destination',
  'overwrite',
  'if-match',
  'if-none-match',
  'prefer',
];
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

class HttpAnswer extends Error {
  constructor(
    readonly status: number,
    readonly text = '',
  ) {
    super(`${status} ${text}`);
  }
}

/**
 * Stands in for esn-sabre in tests: a thin HTTP layer in front of Radicale. It authenticates like esn-sabre
 * (impersonation, technical tokens checked through the side service's introspection endpoint, domain isolation),
 * answers the esn-specific requests (`.json` endpoints, `?export`, `?import`) by issuing standard ones, creates
 * default calendars and address books lazily, and passes everything else through, streaming both ways.
 */
export class EsnSabreDouble {
  readonly seen: SeenRequest[] = [];
  /** Answers forced by tests: the first whose path prefix (or `METHOD /path` prefix) matches a request wins. */
  readonly failures = new Map<string, number>();
  private readonly radicale: Radicale;
  private readonly directory: PrincipalDirectory;
  private readonly json: CalendarJson;
  /** `POST /itip` (dav.md §5.8): what it received, and recipients it refuses. */
  readonly itip: ItipInbox;
  /** Calendar sharing (dav.md §5.5) and what esn-sabre publishes about it and about resources. */
  readonly sharing: CalendarSharing;
  private readonly resourceScheduling: ResourceScheduling;
  /** Address books (dav.md §5.4, §5.7, §5.12). */
  readonly addressBooks: AddressBooks;
  /** esn-sabre's read rights on other homes; `access.strict = true` to enforce them. */
  readonly access: CollectionAccess;
  private readonly addressBookContents: AddressBookContents;
  /** JSON REPORTs on calendars and objects, jCal PUTs, and the `calendar:event:*`/iTIP messages of writes. */
  private readonly objects: CalendarObjectsJson;
  /** The free-busy REPORT on a calendar and `POST /calendars/freebusy`. */
  private readonly freeBusy: FreeBusyJson;
  /** `calendar:calendar:*` after the owner's calendar create, PROPPATCH, ACL and DELETE (with publishObjectEvents). */
  private readonly lifecycle: CalendarLifecycle;
  /** Publish `calendar:event:*` and `calendar:itip:localDelivery` after object writes (the demo; off in tests). */
  publishObjectEvents = false;
  /** Collections created (or being created): concurrent first requests of a principal share one creation. */
  private readonly ensured = new Map<string, Promise<void>>();
  private sideServiceUrl?: string;

  private constructor(
    private readonly server: Server,
    private readonly options: EsnSabreDoubleOptions,
  ) {
    this.radicale = new Radicale(options.radicaleUrl);
    this.directory = new PrincipalDirectory(options.db);
    this.json = new CalendarJson(this.radicale);
    this.itip = new ItipInbox(this.radicale, this.json);
    this.sharing = new CalendarSharing(this.radicale, this.directory, options.db);
    this.resourceScheduling = new ResourceScheduling(this.radicale, this.json, this.directory, this.sharing);
    this.addressBooks = new AddressBooks(this.radicale);
    this.access = new CollectionAccess(this.radicale);
    this.addressBookContents = new AddressBookContents(this.radicale);
    this.objects = new CalendarObjectsJson(this.radicale, (exchange, body) =>
      this.sharing.publish(exchange, body),
    );
    this.freeBusy = new FreeBusyJson(this.radicale, this.objects);
    this.lifecycle = new CalendarLifecycle(async (exchange, body) => {
      if (this.publishObjectEvents) await this.sharing.publish(exchange, body);
    });
    this.sideServiceUrl = options.sideServiceUrl;
  }

  static async start(options: EsnSabreDoubleOptions): Promise<EsnSabreDouble> {
    const server = createServer();
    const double = new EsnSabreDouble(server, options);
    server.on('request', (req, res) => void double.handle(req, res));
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
    await double.radicale.ensureCollection('/calendars/', 'plain');
    await double.radicale.ensureCollection('/addressbooks/', 'plain');
    return double;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Where the messages esn-sabre would publish go (by default they are only recorded in `sharing.published`). */
  setPublisher(publisher: DavPublisher): void {
    this.sharing.publisher = publisher;
  }

  setSideServiceUrl(url: string): void {
    this.sideServiceUrl = url;
  }

  /** Direct access to the stored data, for seeding and assertions. */
  get store(): Radicale {
    return this.radicale;
  }

  /** A calendar of `homeId` subscribed to `sourcePath` (`/calendars/{home}/{cal}`), as esn-sabre stores them. */
  async createSubscription(homeId: string, calendarId: string, sourcePath: string): Promise<void> {
    await this.ensure(`/calendars/${homeId}/`, 'plain');
    await this.radicale.ensureCollection(`/calendars/${homeId}/${calendarId}/`, 'calendar', 'Subscription');
    const response = await this.radicale.request('PROPPATCH', `/calendars/${homeId}/${calendarId}/`, {
      headers: { 'content-type': 'application/xml' },
      body: `<D:propertyupdate xmlns:D="DAV:" xmlns:E="${ESN_NS}"><D:set><D:prop><E:source>${escapeXml(sourcePath)}</E:source></D:prop></D:set></D:propertyupdate>`,
    });
    await response.body.dump();
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.radicale.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const seen: SeenRequest = { method: req.method!, url: req.url!, headers: req.headers };
    this.seen.push(seen);
    try {
      for (const [prefix, status] of this.failures)
        if (req.url!.startsWith(prefix) || `${req.method} ${req.url}`.startsWith(prefix))
          throw new HttpAnswer(status, 'failure injected by the test');
      const principal = await this.authenticate(req);
      seen.principal = principal;
      const url = new URL(req.url!, 'http://double');
      const path = rewriteAliases(url.pathname.replace(/\.json(?=$|\/)/g, ''));
      await this.authorize(principal, path);
      await this.access.check(principal, path);
      await this.materialise(principal, path);
      await this.route(req, res, principal, path, url.searchParams);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const answer =
        error instanceof HttpAnswer || error instanceof DavAnswer || error instanceof JsonAnswer
          ? error
          : error instanceof SharingRefused
            ? new HttpAnswer(error.status, error.message)
            : error instanceof AccessRefused
              ? new HttpAnswer(403, error.message)
              : new HttpAnswer(500, String(error));
      res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.text);
    }
  }

  private async authenticate(req: IncomingMessage): Promise<Principal> {
    const authorization = req.headers.authorization;
    if (authorization?.startsWith('Basic ')) {
      const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const [user, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
      const prefix = `${this.options.adminUser}&`;
      if (colon < 0 || !user.startsWith(prefix) || password !== this.options.adminPassword)
        throw new HttpAnswer(401);
      const principal = await this.directory.byEmail(user.slice(prefix.length));
      if (!principal) throw new HttpAnswer(401);
      return principal;
    }
    const token = req.headers['twakecalendartoken'];
    if (typeof token === 'string' && this.sideServiceUrl) {
      const response = await fetch(`${this.sideServiceUrl}/api/technicalToken/introspect`, {
        headers: { 'X-TECHNICAL-TOKEN': token },
      });
      const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      if (response.status !== 200 || body.user_type !== 'technical' || typeof body.domainId !== 'string')
        throw new HttpAnswer(401);
      return { kind: 'technical', domainId: body.domainId, domain: String(body.domain) };
    }
    throw new HttpAnswer(401);
  }

  /** Technical tokens are confined to their domain; only they may list the roots. */
  private async authorize(principal: Principal, path: string): Promise<void> {
    const [root, home] = path.split('/').filter(Boolean);
    if (!root || root === 'itip') return;
    if (!home) {
      if (principal.kind !== 'technical') throw new HttpAnswer(403, 'root listing is technical only');
      return;
    }
    if (principal.kind === 'technical' && (await this.directory.domainOfHome(home)) !== principal.domainId)
      throw new HttpAnswer(403, 'cross-domain access refused');
  }

  /** esn-sabre creates default collections on the first request of a principal or on addressing them. */
  private async materialise(principal: Principal, path: string): Promise<void> {
    const [root, home, collection] = path.split('/').filter(Boolean);
    if (principal.kind !== 'technical') {
      await this.ensure(`/calendars/${principal.id}/`, 'plain');
      await this.ensure(`/calendars/${principal.id}/${principal.id}/`, 'calendar');
      if (principal.kind === 'user') {
        await this.ensure(`/addressbooks/${principal.id}/`, 'plain');
        await this.ensure(`/addressbooks/${principal.id}/contacts/`, 'addressbook');
        await this.ensure(`/addressbooks/${principal.id}/collected/`, 'addressbook');
      }
    }
    if (root === 'calendars' && home && home === collection && /^[0-9a-f]{24}$/i.test(home)) {
      await this.ensure(`/calendars/${home}/`, 'plain');
      await this.ensure(`/calendars/${home}/${home}/`, 'calendar');
    }
  }

  private ensure(path: string, kind: 'plain' | 'calendar' | 'addressbook'): Promise<void> {
    let creation = this.ensured.get(path);
    if (!creation) {
      creation = this.radicale.ensureCollection(path, kind).catch((error: unknown) => {
        this.ensured.delete(path);
        throw error;
      });
      this.ensured.set(path, creation);
    }
    return creation;
  }

  private async route(
    req: IncomingMessage,
    res: ServerResponse,
    principal: Principal,
    path: string,
    query: URLSearchParams,
  ): Promise<void> {
    const segments = path.split('/').filter(Boolean);
    const method = req.method!;
    if (path === '/itip' && method === 'POST') {
      const text = await readText(req);
      const status = await this.itip.deliver(principal, text);
      await this.resourceScheduling.afterItip(principal, text, status);
      return void res.writeHead(status).end();
    }
    if (path === '/calendars/freebusy' && method === 'POST')
      return sendJson(res, 200, await this.freeBusy.users(parseJson(await readText(req))));
    if (method === 'POST' && req.headers['x-http-method-override'] === 'ITIP' && path.endsWith('.ics')) {
      const publish = (exchange: string, body: Record<string, unknown>) =>
        this.sharing.publish(exchange, body);
      const text = await readText(req);
      return void res.writeHead(await counterProposal(this.radicale, publish, principal, path, text)).end();
    }
    if (await this.addressBookContents.handle(req, res, segments, query)) return;
    if (await this.addressBooks.handle(req, res, principal, path, segments, query)) return;
    if (query.has('export') && method === 'GET') return this.export(res, path);
    if (query.has('import') && method === 'PUT') return this.importObject(req, res, segments);
    if (
      this.publishObjectEvents &&
      segments[0] === 'calendars' &&
      segments.length === 4 &&
      path.endsWith('.ics')
    ) {
      if (method === 'PUT') return this.putAndPublish(req, res, principal, path);
      if (method === 'DELETE') return this.deleteAndPublish(res, principal, path);
      if (method === 'MOVE') return this.moveAndPublish(req, res, principal, path);
    }
    if (isJsonMode(req, segments[0]))
      return this.jsonRequest(req, res, method, path, segments, query, principal);
    if (method === 'PUT' && /\.(ics|vcf)$/.test(path)) return this.putObject(req, res, path);
    if (method === 'REPORT' && segments[0] === 'calendars' && segments.length === 3)
      return calendarQueryReport(this.radicale, req, res, path);
    return this.passThrough(req, res, path + (query.size ? `?${query}` : ''));
  }

  private async export(res: ServerResponse, path: string): Promise<void> {
    const upstream = await this.radicale.request('GET', `${path.replace(/\/+$/, '')}/`);
    if (upstream.status !== 200) {
      await upstream.body.dump();
      throw new HttpAnswer(upstream.status === 404 ? 404 : 502);
    }
    const type = path.startsWith('/addressbooks') ? 'text/vcard' : 'text/calendar';
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8` });
    await pipeline(upstream.body, res);
  }

  /** `?import`: drop objects of the same name elsewhere in the home, then store (no scheduling here anyway). */
  private async importObject(req: IncomingMessage, res: ServerResponse, segments: string[]): Promise<void> {
    const [root, home, calendar, name] = segments;
    if (root !== 'calendars' || !home || !calendar || !name)
      throw new HttpAnswer(400, 'not a calendar object');
    const calendars = (await this.radicale.propfind(`/calendars/${home}/`, '1', '<D:resourcetype/>')) ?? [];
    for (const other of calendars) {
      const otherId = other.href.split('/').filter(Boolean)[2];
      if (!otherId || otherId === calendar) continue;
      const deleted = await this.radicale.request('DELETE', `/calendars/${home}/${otherId}/${name}`);
      await deleted.body.dump();
    }
    return this.putObject(req, res, `/calendars/${home}/${calendar}/${name}`);
  }

  /** Like sabre: 201 when created, 204 when replaced (Radicale answers 201 for both). */
  private async putObject(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const before = await this.radicale.request('HEAD', path);
    await before.body.dump();
    const resourceCopy = await this.resourceScheduling.before(path);
    const upstream = await this.radicale.request('PUT', path, {
      headers: pick(req.headers, FORWARDED),
      body: req,
    });
    const status = upstream.status === 201 && before.status === 200 ? 204 : upstream.status;
    await this.relay(res, { ...upstream, status });
    await this.resourceScheduling.afterPut(path, resourceCopy, status);
  }

  /** An object PUT as esn-sabre takes it (ICS or jCal), then the messages it publishes. */
  private async putAndPublish(
    req: IncomingMessage,
    res: ServerResponse,
    principal: Principal,
    path: string,
  ): Promise<void> {
    const before = await this.radicale.text('GET', path);
    const previous = before.status === 200 ? before.text : undefined;
    let ics: string;
    try {
      ics = CalendarObjectsJson.toIcs(await readText(req));
    } catch (error) {
      throw new HttpAnswer(400, `invalid calendar object: ${String(error)}`);
    }
    const headers: Record<string, string> = {
      ...pick(req.headers, FORWARDED),
      'content-type': 'text/calendar; charset=utf-8',
    };
    delete headers['content-length'];
    const upstream = await this.radicale.text('PUT', path, { headers, body: ics });
    const status = upstream.status === 201 && previous !== undefined ? 204 : upstream.status;
    const etag = upstream.headers.etag;
    res.writeHead(status, typeof etag === 'string' ? { etag } : {}).end();
    if (status < 300) await this.objects.afterWrite(principal, path, ics, previous);
  }

  private async deleteAndPublish(res: ServerResponse, principal: Principal, path: string): Promise<void> {
    const before = await this.radicale.text('GET', path);
    const deleted = await this.radicale.request('DELETE', path);
    await deleted.body.dump();
    const status = deleted.status === 200 ? 204 : deleted.status;
    res.writeHead(status).end();
    if (status < 300 && before.status === 200)
      await this.objects.afterWrite(principal, path, undefined, before.text);
  }

  /** A MOVE relayed to Radicale, then `calendar:event:created` for the object at its destination. */
  private async moveAndPublish(
    req: IncomingMessage,
    res: ServerResponse,
    principal: Principal,
    path: string,
  ): Promise<void> {
    const target = req.headers.destination;
    if (typeof target !== 'string') throw new HttpAnswer(400, 'MOVE needs a Destination');
    const destination = rewriteAliases(new URL(target, 'http://x').pathname);
    const moved = await this.radicale.request('MOVE', path, {
      headers: { ...pick(req.headers, ['overwrite']), destination: this.radicale.urlOf(destination) },
    });
    await moved.body.dump();
    res.writeHead(moved.status).end();
    if (moved.status >= 300) return;
    const stored = await this.radicale.text('GET', destination);
    if (stored.status === 200) await this.objects.afterMove(principal, destination, stored.text);
  }

  private async passThrough(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const hasBody =
      req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;
    const headers = pick(req.headers, FORWARDED);
    // sabre reads a PROPFIND without Depth as Depth 1 (Radicale as 0).
    if (req.method === 'PROPFIND' && headers.depth === undefined) headers.depth = '1';
    // Like sabre, only the path of a Destination counts; Radicale wants its own origin there.
    if (headers.destination)
      headers.destination = this.radicale.urlOf(new URL(headers.destination, 'http://x').pathname);
    const upstream = await this.radicale.request(req.method!, path, { headers, body: hasBody ? req : null });
    // sabre answers a successful DELETE with 204 (Radicale: 200 and a multistatus for a collection).
    if (req.method === 'DELETE' && upstream.status === 200) {
      await upstream.body.dump();
      return void res.writeHead(204).end();
    }
    await this.relay(res, upstream);
  }

  private async relay(res: ServerResponse, upstream: UpstreamResponse): Promise<void> {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(upstream.headers))
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    res.writeHead(upstream.status, headers);
    await pipeline(upstream.body, res);
  }

  private async jsonRequest(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    path: string,
    segments: string[],
    query: URLSearchParams,
    principal: Principal,
  ): Promise<void> {
    const [root, home, calendar] = segments;
    const withRights = query.get('withRights') === 'true';
    const body = method === 'GET' || method === 'DELETE' ? '' : await readText(req);
    if (root !== 'calendars' || !home) throw new HttpAnswer(501, 'JSON request not emulated by the double');
    if (method === 'REPORT' && calendar) {
      const query = JSON.parse(body || '{}') as {
        type?: string;
        match?: { start?: string; end?: string };
        'sync-token'?: string;
      };
      if (query.type === 'free-busy-query' && query.match?.start && query.match.end)
        return sendJson(res, 200, await this.freeBusy.report(path, query.match.start, query.match.end));
      if (query.match?.start && query.match.end)
        return sendJson(res, 200, await this.objects.match(path, query.match.start, query.match.end));
      if (typeof query['sync-token'] === 'string')
        return sendJson(res, 200, await this.objects.sync(path, query['sync-token']));
      throw new HttpAnswer(400, 'REPORT body needs match or sync-token');
    }
    if (method === 'GET' && !calendar) {
      // sharedPublic needs each calendar's public right, withRights or not.
      const listing = await this.json.home(path, withRights || query.get('sharedPublic') === 'true');
      if (withRights)
        for (const entry of (listing._embedded as { 'dav:calendar': Record<string, unknown>[] })[
          'dav:calendar'
        ]) {
          const href = String((entry._links as { self: { href: string } }).self.href).replace(/\.json$/, '');
          entry.invite = await this.sharing.inviteJson(href);
        }
      const filtered = filterCalendarListing(listing, query);
      // esn-sabre's quirk (dav.md §4.1): a filter matching nothing answers 200 with an empty body.
      if (filtered === undefined) return void res.writeHead(200).end();
      return sendJson(res, 200, filtered);
    }
    if (method === 'GET' && calendar) {
      const found = await this.json.calendar(path, withRights);
      if (!found) throw new HttpAnswer(404, `Could not find node at path: ${path.slice(1)}`);
      if (withRights) found.invite = await this.sharing.inviteJson(path);
      return sendJson(res, 200, found);
    }
    if (method === 'REPORT' && !calendar) {
      const uid = (JSON.parse(body || '{}') as { uid?: string }).uid;
      const found = uid ? await this.json.findByUid(path, uid) : undefined;
      if (!found) throw new HttpAnswer(404);
      return sendJson(res, 200, found);
    }
    if (method === 'POST' && !calendar) {
      const created = JSON.parse(body) as { id: string; 'dav:name'?: string } & Record<string, string>;
      await this.radicale.ensureCollection(
        `/calendars/${home}/${created.id}/`,
        'calendar',
        created['dav:name'],
      );
      const { id, ...props } = created;
      if (props['apple:color'] || props['caldav:description'])
        await this.proppatch(null, `/calendars/${home}/${id}`, props);
      res.writeHead(201).end();
      return this.lifecycle.created(`/calendars/${home}/${id}`, props);
    }
    if (method === 'POST' && calendar) {
      await this.sharing.share(principal, path, JSON.parse(body || '{}'));
      return void res.writeHead(200).end();
    }
    if (method === 'PROPPATCH' && calendar) {
      const values = JSON.parse(body) as Record<string, string>;
      await this.proppatch(res, path, values);
      return this.lifecycle.updated(path, values);
    }
    if (method === 'ACL' && calendar) {
      const right = (JSON.parse(body || '""') as { public_right?: string }).public_right ?? '';
      await this.proppatch(null, path, { 'esn:public-right': right });
      const acl = right ? [{ privilege: right, principal: '{DAV:}authenticated', protected: true }] : [];
      sendJson(res, 200, acl);
      const instances = (await this.sharing.invites(path)).map(
        (invite) => `/calendars/${invite.principal.split('/').pop()}/${invite.instance}`,
      );
      return this.lifecycle.publicRight(instances, right);
    }
    if (method === 'DELETE' && calendar) {
      if (principal.kind !== 'technical' && calendar === home) throw new HttpAnswer(403, 'main calendar');
      const deleted = await this.radicale.request('DELETE', `${path}/`);
      await deleted.body.dump();
      res.writeHead(deleted.status === 200 ? 204 : deleted.status).end();
      if (deleted.status < 300) await this.lifecycle.deleted(path);
      return;
    }
    throw new HttpAnswer(501, 'JSON request not emulated by the double');
  }

  private async proppatch(res: ServerResponse | null, path: string, values: Record<string, string>) {
    const names: Record<string, string> = {
      'dav:name': 'D:displayname',
      'apple:color': 'A:calendar-color',
      'caldav:description': 'C:calendar-description',
      'esn:public-right': 'E:public-right',
    };
    const props = Object.entries(values)
      .filter(([name]) => names[name])
      .map(([name, value]) => `<${names[name]}>${escapeXml(String(value ?? ''))}</${names[name]}>`)
      .join('');
    const response = await this.radicale.request('PROPPATCH', `${path}/`, {
      headers: { 'content-type': 'application/xml' },
      body:
        '<D:propertyupdate xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:A="http://apple.com/ns/ical/"' +
        ` xmlns:E="${ESN_NS}"><D:set><D:prop>${props}</D:prop></D:set></D:propertyupdate>`,
    });
    await response.body.dump();
    if (response.status === 404) throw new HttpAnswer(404);
    res?.writeHead(204).end();
  }
}

/** esn-sabre runs its JSON handlers when the Accept header, split on ", ", lists a JSON type (dav.md §3). */
function isJsonMode(req: IncomingMessage, root: string | undefined): boolean {
  const types = (req.headers.accept ?? '').split(', ');
  const accepted =
    root === 'addressbooks'
      ? ['application/json', 'application/vcard+json']
      : ['application/json', 'application/calendar+json', 'application/vcard+json'];
  return types.some((type) => accepted.includes(type));
}

/** `/calendars/{id}/events` is the legacy alias of the default calendar. */
function rewriteAliases(path: string): string {
  return path.replace(/^\/calendars\/([^/]+)\/events(?=$|\/)/, '/calendars/$1/$1');
}

function pick(headers: IncomingMessage['headers'], names: string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (typeof value === 'string') picked[name] = value;
  }
  return picked;
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    throw new HttpAnswer(400, 'not JSON');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
