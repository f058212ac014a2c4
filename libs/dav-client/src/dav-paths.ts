import { InvalidArgumentError } from '@app/core';

/** The esn-sabre URL layout (dav.md §3). Ids are inserted percent-encoded, one path segment each. */
export const DavPaths = {
  calendarHome: (homeId: string) => `/calendars/${segment(homeId)}`,
  calendar: (homeId: string, calendarId: string) => `/calendars/${segment(homeId)}/${segment(calendarId)}`,
  calendarObject: (homeId: string, calendarId: string, objectName: string) =>
    `/calendars/${segment(homeId)}/${segment(calendarId)}/${segment(objectName)}.ics`,
  addressBookHome: (homeId: string) => `/addressbooks/${segment(homeId)}`,
  addressBook: (homeId: string, bookId: string) => `/addressbooks/${segment(homeId)}/${segment(bookId)}`,
  vcard: (homeId: string, bookId: string, uid: string) =>
    `/addressbooks/${segment(homeId)}/${segment(bookId)}/${segment(uid)}.vcf`,
};

function segment(value: string): string {
  if (value === '' || value === '.' || value === '..')
    throw new InvalidArgumentError('Invalid DAV path segment', value);
  return encodeURIComponent(value);
}

/** `.json` removed from a DAV href, as esn-sabre ignores it anywhere in a URL (dav.md §3). */
export function withoutJsonSuffix(href: string): string {
  return href.replace(/\.json(?=$|[?/])/g, '');
}

/** Dot segments, raw or percent-encoded (`%2e`), in any combination. */
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$)/i;
/** Encoded separators (`%2f`, `%5c`), backslashes, NUL and control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /%2f|%5c|%00|\\|[\x00-\x1f\x7f]/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

/**
 * Whether `path` (with its query) stays inside the DAV base URL: an absolute path, no scheme or authority, no dot
 * segment, no encoded separator. Requests are sent with this path appended to the base, never normalised.
 */
export function isSafeDavPath(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//')) return false;
  const pathname = path.split('?', 1)[0]!;
  const query = path.slice(pathname.length);
  return !DOT_SEGMENT.test(pathname) && !FORBIDDEN.test(pathname) && !CONTROL.test(query);
}
