import type { Principal } from './principals';
import { Radicale } from './radicale';

export class AccessRefused extends Error {
  constructor(readonly path: string) {
    super(`no access to ${path}`);
  }
}

/**
 * esn-sabre's read rights on other homes (dav.md §2), which the double otherwise leaves open: when `strict`, a user,
 * resource or team-calendar principal may read another home's calendar only when the calendar has a public right,
 * and never another home's address books (sharees use their own instances, in their own home). A missing
 * collection is left to the normal routing (404). Off by default: tests opt in.
 */
export class CollectionAccess {
  strict = false;

  constructor(private readonly radicale: Radicale) {}

  async check(principal: Principal, path: string): Promise<void> {
    if (!this.strict || principal.kind === 'technical') return;
    const [root, home, collection] = path.split('/').filter(Boolean);
    if (!home || home === principal.id || (root !== 'calendars' && root !== 'addressbooks')) return;
    if (!collection) throw new AccessRefused(path);
    const [entry] =
      (await this.radicale.propfind(`/${root}/${home}/${collection}/`, '0', '<E:public-right/>')) ?? [];
    if (!entry) return;
    if (root === 'addressbooks' || !entry.props.get('public-right')) throw new AccessRefused(path);
  }
}
