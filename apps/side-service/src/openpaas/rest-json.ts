import type { Response } from 'express';

/** The media type the original writes on most JSON answers (rest-api.md §5), without a space. */
export const JSON_UTF8 = 'application/json;charset=utf-8';

export const CACHE_ONE_MINUTE = 'max-age=60, public';
export const CACHE_HALF_HOUR = 'max-age=1800, public';
export const CACHE_ONE_DAY = 'public, max-age=86400';
export const CACHE_ONE_WEEK = 'public, max-age=604800';

/**
 * Writes a JSON answer with exactly this `Content-Type` (Express would rewrite `;charset` as `; charset`) and the
 * extra headers given.
 */
export function sendJson(
  response: Response,
  body: unknown,
  options: { status?: number; contentType?: string; headers?: Record<string, string> } = {},
): void {
  // A string body (not a Buffer): Node writes it together with the headers in one socket write.
  const payload = JSON.stringify(body);
  response.status(options.status ?? 200);
  for (const [name, value] of Object.entries(options.headers ?? {})) response.setHeader(name, value);
  response.setHeader('Content-Type', options.contentType ?? JSON_UTF8);
  response.setHeader('Content-Length', Buffer.byteLength(payload, 'utf8'));
  response.end(payload, 'utf8');
}
