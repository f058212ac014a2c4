import type { IncomingHttpHeaders } from 'node:http';

/** Headers that describe one connection (RFC 9110 §7.6.1 and the usual proxy ones): a proxy never relays them. */
export const HOP_BY_HOP_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** The end-to-end headers of an answer, as a proxy relays them. */
export function endToEndHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const relayed: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !HOP_BY_HOP_HEADERS.has(name.toLowerCase())) relayed[name] = value;
  return relayed;
}
