import { ExpressAdapter } from '@nestjs/platform-express';
import type { Response } from 'express';

/**
 * A JSON answer serialised by `JsonResponseInterceptor`: written with one `end()` (headers and body in one socket
 * write), its `Content-Type` exactly as given (Express would turn `;charset` into `; charset`), no ETag.
 */
export class SerializedJson {
  constructor(
    readonly text: string,
    readonly contentType: string,
  ) {}
}

/** Express adapter of both servers: Nest's, plus the one-write reply of a `SerializedJson`. */
export class JsonReplyExpressAdapter extends ExpressAdapter {
  override reply(response: Response, body: unknown, statusCode?: number): unknown {
    if (!(body instanceof SerializedJson)) return super.reply(response, body, statusCode);
    if (statusCode) response.status(statusCode);
    if (response.getHeader('Content-Type') === undefined)
      response.setHeader('Content-Type', body.contentType);
    response.setHeader('Content-Length', Buffer.byteLength(body.text, 'utf8'));
    response.end(body.text, 'utf8');
    return response;
  }
}
