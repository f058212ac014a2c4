import type { IncomingMessage } from 'node:http';

/** Requests under this prefix go to the DAV proxy (rest-api.md §7), bodies untouched. */
export const DAV_PROXY_PREFIX = '/dav/';

export const isDavProxyRequest = (req: IncomingMessage): boolean =>
  (req.url ?? '').startsWith(DAV_PROXY_PREFIX);

/**
 * A body-parser `type` predicate: the media type matches and the request is not for the DAV proxy, which streams
 * bodies to the DAV server itself.
 */
export function parsedOutsideDavProxy(mediaType: string): (req: IncomingMessage) => boolean {
  return (req) =>
    !isDavProxyRequest(req) &&
    (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase() === mediaType;
}
