/** esn-sabre JSON shapes the service reads (dav.md §4). Unknown members are kept. */
export interface DavLink {
  _links?: { self?: { href?: string } };
}

export interface DavInvite {
  href?: string;
  principal?: string;
  access?: number;
  inviteStatus?: number;
  properties?: unknown;
  comment?: string | null;
}

/** One calendar: the answer of `GET /calendars/{home}/{cal}` (Accept JSON), or an element of a home listing. */
export interface DavCalendarJson extends DavLink {
  'dav:name'?: string | null;
  'calendarserver:ctag'?: string;
  'calendarserver:source'?: DavCalendarJson | null;
  'calendarserver:delegatedsource'?: string | null;
  'caldav:description'?: string | null;
  'apple:color'?: string | null;
  invite?: DavInvite[];
  acl?: unknown[];
  [member: string]: unknown;
}

/** jCal (RFC 7265): `[name, properties, components]`. */
export type JCal = [string, unknown[], unknown[]];

export interface DavItemJson extends DavLink {
  etag?: string;
  status?: number;
  data?: JCal;
}

export interface DavItemsJson extends DavLink {
  _embedded?: { 'dav:item'?: DavItemJson[] };
}

/** `_links.self.href`, or `undefined` when absent or blank. */
export function selfHref(value: DavLink | null | undefined): string | undefined {
  const href = value?._links?.self?.href;
  return typeof href === 'string' && href.trim() !== '' ? href : undefined;
}
