import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Principal } from './principals';
import { escapeXml as escapeXmlText } from './calendar-json';
import { ESN_NS, Radicale, UpstreamResponse, parseMultistatus } from './radicale';

/** Answers as esn-sabre (sabre/dav) writes them; callers detect some by their text (dav.md §5.4, §7). */
const sabreError = (message: string) =>
  '<?xml version="1.0" encoding="utf-8"?>\n<d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns">' +
  `<s:sabredav-version>4.0.0</s:sabredav-version><s:exception>Sabre\\DAV\\Exception</s:exception>` +
  `<s:message>${escapeXmlText(message)}</s:message></d:error>`;

export class DavAnswer extends Error {
  constructor(
    readonly status: number,
    readonly text = '',
  ) {
    super(`${status} ${text}`);
  }
}

const DOMAIN_MEMBERS = 'domain-members';
const BOOK_LISTING_PROPS =
  '<D:displayname/><D:resourcetype/><CR:addressbook-description/><E:book-type/><E:acl/>';
const BOOK_PROPS = '<D:resourcetype/>';

/**
 * The address-book side of esn-sabre the double emulates (dav.md §5.4, §5.7, §5.12): book creation through
 * `POST /addressbooks/{home}.json`, the "path not found" and "Card not found" answers, exports, card writes (201/204,
 * domain-members books writable by technical tokens only) and deletions. Data lives in Radicale.
 */
export class AddressBooks {
  /** Books known to exist (a card write checks its book once). */
  private readonly known = new Set<string>();

  constructor(private readonly radicale: Radicale) {}

  /** Handles the request when it is one of ours; `false` lets the double route it further. */
  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    principal: Principal,
    path: string,
    segments: string[],
    query: URLSearchParams,
  ): Promise<boolean> {
    const [root, home, book, card] = segments;
    const method = req.method!;
    if (root !== 'addressbooks' || !home) return false;
    if (!book && method === 'POST') {
      await this.create(home, JSON.parse(await readText(req)) as Record<string, unknown>);
      res.writeHead(201).end();
      return true;
    }
    if (!book && method === 'GET' && acceptsJson(req)) {
      sendJson(res, await this.listing(home));
      return true;
    }
    if (book && !card && method === 'DELETE') {
      await this.deleteBook(res, principal, home, book);
      return true;
    }
    if (book && !card && method === 'GET' && !query.has('export') && acceptsJson(req)) {
      const [entry] = await this.children(`/addressbooks/${home}/${book}/`, BOOK_LISTING_PROPS, '0');
      if (!entry || !/addressbook/.test(entry.props.get('resourcetype') ?? ''))
        throw new DavAnswer(404, sabreError(`Could not find node at path: addressbooks/${home}/${book}`));
      sendJson(res, {
        _links: { self: { href: `/addressbooks/${home}/${book}.json` } },
        'dav:name': entry.props.get('displayname') || null,
        type: entry.props.get('book-type') ?? '',
      });
      return true;
    }
    if (book && !card && method === 'POST') {
      await this.requireBook(home, book);
      await this.publishOrShare(home, book, JSON.parse(await readText(req)) as Record<string, unknown>);
      res.writeHead(204).end();
      return true;
    }
    if (book && !card && method === 'GET' && query.has('export')) {
      await this.export(res, home, book);
      return true;
    }
    if (book && card && /\.vcf$/.test(card) && (method === 'PUT' || method === 'DELETE')) {
      if (book === DOMAIN_MEMBERS && principal.kind !== 'technical')
        throw new DavAnswer(403, sabreError('Only technical users may write domain members'));
      await this.requireBook(home, book);
      if (method === 'PUT') await this.putCard(req, res, `/addressbooks/${home}/${book}/${card}`);
      else await this.deleteCard(res, `/addressbooks/${home}/${book}/${card}`);
      return true;
    }
    return false;
  }

  private async create(home: string, body: Record<string, unknown>): Promise<void> {
    const id = typeof body.id === 'string' ? body.id : '';
    if (!/^[\w.-]+$/.test(id)) throw new DavAnswer(400, sabreError('Invalid address book id'));
    const path = `/addressbooks/${home}/${id}/`;
    await this.radicale.ensureCollection(`/addressbooks/${home}/`, 'plain');
    if (await this.exists(path))
      throw new DavAnswer(405, sabreError('The resource you tried to create already exists'));
    const props =
      `<D:displayname>${escapeXmlText(String(body['dav:name'] ?? ''))}</D:displayname>` +
      `<CR:addressbook-description>${escapeXmlText(String(body['carddav:description'] ?? ''))}</CR:addressbook-description>` +
      `<E:book-type>${escapeXmlText(String(body.type ?? ''))}</E:book-type>` +
      `<E:acl>${escapeXmlText(JSON.stringify(body['dav:acl'] ?? []))}</E:acl>`;
    const response = await this.radicale.request('MKCOL', path, {
      headers: { 'content-type': 'application/xml' },
      body:
        `<D:mkcol xmlns:D="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav" xmlns:E="${ESN_NS}"><D:set><D:prop>` +
        `<D:resourcetype><D:collection/><CR:addressbook/></D:resourcetype>${props}</D:prop></D:set></D:mkcol>`,
    });
    const text = await response.body.text();
    if (response.status === 405 || response.status === 409)
      throw new DavAnswer(405, sabreError('The resource you tried to create already exists'));
    if (response.status >= 300) throw new DavAnswer(502, `creating ${path}: ${response.status} ${text}`);
    this.known.add(path);
  }

  private async export(res: ServerResponse, home: string, book: string): Promise<void> {
    await this.requireBook(home, book);
    const upstream = await this.radicale.request('GET', `/addressbooks/${home}/${book}/`);
    if (upstream.status !== 200) {
      await upstream.body.dump();
      throw new DavAnswer(502, `export of /addressbooks/${home}/${book}: ${upstream.status}`);
    }
    res.writeHead(200, { 'content-type': 'text/vcard; charset=utf-8' });
    await pipeline(upstream.body, res);
  }

  /** Like sabre: 201 when created, 204 when replaced. */
  private async putCard(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const before = await this.radicale.request('HEAD', path);
    await before.body.dump();
    const upstream = await this.radicale.request('PUT', path, {
      headers: { 'content-type': req.headers['content-type'] ?? 'text/vcard' },
      body: await readText(req),
    });
    const text = await upstream.body.text();
    if (upstream.status >= 300) throw new DavAnswer(upstream.status === 400 ? 400 : 502, text);
    res.writeHead(before.status === 200 ? 204 : 201).end();
  }

  private async deleteCard(res: ServerResponse, path: string): Promise<void> {
    const upstream = await this.radicale.request('DELETE', path);
    await upstream.body.dump();
    if (upstream.status === 404) throw new DavAnswer(404, sabreError('Card not found'));
    if (upstream.status >= 300) throw new DavAnswer(502, `DELETE ${path}: ${upstream.status}`);
    res.writeHead(204).end();
  }

  /** Publication and sharing, kept as properties of the book (`E:public-right`, `E:sharees`). */
  private async publishOrShare(home: string, book: string, body: Record<string, unknown>): Promise<void> {
    let props: string;
    if (body['dav:publish-addressbook'] !== undefined) {
      const privilege = (body['dav:publish-addressbook'] as { privilege?: unknown })?.privilege;
      props = `<E:public-right>${escapeXmlText(String(privilege ?? ''))}</E:public-right>`;
    } else if (body['dav:unpublish-addressbook'] !== undefined) props = '<E:public-right></E:public-right>';
    else if (body['dav:share-resource'] !== undefined)
      props = `<E:sharees>${escapeXmlText(JSON.stringify(body['dav:share-resource']))}</E:sharees>`;
    else throw new DavAnswer(400, sabreError('Unsupported address book update'));
    const response = await this.radicale.request('PROPPATCH', `/addressbooks/${home}/${book}/`, {
      headers: { 'content-type': 'application/xml' },
      body: `<D:propertyupdate xmlns:D="DAV:" xmlns:E="${ESN_NS}"><D:set><D:prop>${props}</D:prop></D:set></D:propertyupdate>`,
    });
    await response.body.dump();
  }

  /** The stored publication and shares of a book (for assertions). */
  async bookState(home: string, book: string): Promise<{ publicRight?: string; sharees?: unknown }> {
    const [entry] = await this.children(
      `/addressbooks/${home}/${book}/`,
      '<E:public-right/><E:sharees/>',
      '0',
    );
    const sharees = entry?.props.get('sharees');
    return {
      publicRight: entry?.props.get('public-right'),
      sharees: sharees ? JSON.parse(sharees) : undefined,
    };
  }

  /** §4.4: the books of a home with their metadata and card counts. */
  private async listing(home: string): Promise<Record<string, unknown>> {
    const books = [];
    for (const entry of await this.children(`/addressbooks/${home}/`, BOOK_LISTING_PROPS)) {
      if (!/addressbook/.test(entry.props.get('resourcetype') ?? '')) continue;
      const id = entry.href.split('/').filter(Boolean)[2];
      if (!id) continue;
      const acl = entry.props.get('acl');
      const cards = (await this.children(`/addressbooks/${home}/${id}/`, '<D:getetag/>')).filter((item) =>
        item.href.endsWith('.vcf'),
      );
      books.push({
        _links: { self: { href: `/addressbooks/${home}/${id}.json` } },
        'dav:name': entry.props.get('displayname') || null,
        'carddav:description': entry.props.get('addressbook-description') || null,
        'dav:acl': acl ? (JSON.parse(acl) as unknown) : ['dav:read', 'dav:write'],
        type: entry.props.get('book-type') ?? '',
        numberOfContacts: cards.length,
      });
    }
    return {
      _links: { self: { href: `/addressbooks/${home}.json` } },
      _embedded: { 'dav:addressbook': books },
    };
  }

  /** sabre refuses to delete system books (501); others go with their cards. */
  private async deleteBook(
    res: ServerResponse,
    principal: Principal,
    home: string,
    book: string,
  ): Promise<void> {
    const [entry] = await this.children(`/addressbooks/${home}/${book}/`, BOOK_LISTING_PROPS, '0');
    if (!entry || !/addressbook/.test(entry.props.get('resourcetype') ?? ''))
      throw new DavAnswer(404, sabreError(`Could not find node at path: addressbooks/${home}/${book}`));
    if (!entry.props.get('book-type'))
      throw new DavAnswer(501, sabreError('Deleting a system address book is not implemented'));
    if (book === DOMAIN_MEMBERS && principal.kind !== 'technical')
      throw new DavAnswer(403, sabreError('Only technical users may delete domain members'));
    const upstream = await this.radicale.request('DELETE', `/addressbooks/${home}/${book}/`);
    await upstream.body.dump();
    this.known.delete(`/addressbooks/${home}/${book}/`);
    res.writeHead(upstream.status < 300 ? 204 : 502).end();
  }

  private async children(path: string, props: string, depth = '1') {
    const response = await this.radicale.text('PROPFIND', path, {
      headers: { depth, 'content-type': 'application/xml' },
      body:
        `<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav"` +
        ` xmlns:E="${ESN_NS}"><D:prop>${props}</D:prop></D:propfind>`,
    });
    if (response.status === 404) return [];
    if (response.status !== 207) throw new DavAnswer(502, `PROPFIND ${path}: ${response.status}`);
    return parseMultistatus(response.text).filter(
      (entry) => entry.href.replace(/\/?$/, '/') !== path || depth === '0',
    );
  }

  /** 404 "Could not find node at path" as sabre answers for a missing home or book. */
  private async requireBook(home: string, book: string): Promise<void> {
    const path = `/addressbooks/${home}/${book}/`;
    if (this.known.has(path)) return;
    if (!(await this.exists(path)))
      throw new DavAnswer(404, sabreError(`Could not find node at path: addressbooks/${home}/${book}`));
    this.known.add(path);
  }

  private async exists(path: string): Promise<boolean> {
    const entries = await this.radicale.propfind(path, '0', BOOK_PROPS);
    return Boolean(entries?.some((entry) => /addressbook/.test(entry.props.get('resourcetype') ?? '')));
  }

  /** Forgets cached existence (a book deleted behind the double's back, e.g. by a test). */
  forget(home: string): void {
    for (const path of this.known) if (path.startsWith(`/addressbooks/${home}/`)) this.known.delete(path);
  }
}

function acceptsJson(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '')
    .split(', ')
    .some((type) => type === 'application/json' || type === 'application/vcard+json');
}

function sendJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export type { UpstreamResponse };
