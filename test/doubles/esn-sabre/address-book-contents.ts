import type { IncomingMessage, ServerResponse } from 'node:http';
import { Radicale } from './radicale';

/**
 * `GET /addressbooks/{home}/{book}[.json]?limit=N` with a JSON Accept (dav.md §4.5, §5.7): the book's sync token
 * (`dav:syncToken`, Radicale's `DAV:sync-token`) and at most N card links; 404 for a missing book.
 */
export class AddressBookContents {
  constructor(private readonly radicale: Radicale) {}

  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    segments: string[],
    query: URLSearchParams,
  ): Promise<boolean> {
    const [root, home, book, card] = segments;
    if (root !== 'addressbooks' || !home || !book || card || req.method !== 'GET' || !query.has('limit'))
      return false;
    const types = (req.headers.accept ?? '').split(', ');
    if (!types.includes('application/json') && !types.includes('application/vcard+json')) return false;
    const limit = Math.max(0, Number.parseInt(query.get('limit') ?? '0', 10) || 0);
    const path = `/addressbooks/${home}/${book}/`;
    const entries = await this.radicale.propfind(
      path,
      limit > 0 ? '1' : '0',
      '<D:resourcetype/><D:sync-token/><D:getetag/>',
    );
    const self = entries?.find((entry) => entry.href.replace(/\/+$/, '') === path.replace(/\/+$/, ''));
    if (!entries || !self || !/addressbook/.test(self.props.get('resourcetype') ?? '')) {
      res
        .writeHead(404, { 'content-type': 'text/plain' })
        .end(`Could not find node at path: addressbooks/${home}/${book}`);
      return true;
    }
    const cards = entries
      .filter((entry) => entry !== self)
      .slice(0, limit)
      .map((entry) => ({ _links: { self: { href: entry.href } }, etag: entry.props.get('getetag') ?? null }));
    const body = {
      _links: { self: { href: `/addressbooks/${home}/${book}.json` } },
      'dav:syncToken': self.props.get('sync-token') ?? null,
      _embedded: { 'dav:item': cards },
    };
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    return true;
  }
}
