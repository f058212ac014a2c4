import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  StreamableFile,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { REDIRECT_METADATA } from '@nestjs/common/constants';
import type { Response } from 'express';
import { Observable, map } from 'rxjs';
import { PerRoute } from '@app/core';
import { SerializedJson } from './json-reply.adapter';

const CONTENT_TYPE_METADATA = 'json-response:content-type';

/** The `Content-Type` of a route's JSON answer, written exactly so (Express would turn `;charset` into `; charset`). */
export const JsonContentType = (contentType: string) => SetMetadata(CONTENT_TYPE_METADATA, contentType);

/**
 * A text body handed to Express as it is (`res.send`): Express adds `charset=utf-8` to the route's `Content-Type`
 * (set with `@Header`) and a weak ETag, as for the answers the original writes so.
 */
export class TextBody {
  constructor(readonly text: string) {}
}

/** A redirect with an empty body (Nest's `@Redirect` goes through Express's `res.redirect`, which writes one). */
export class RedirectTo {
  constructor(
    readonly location: string,
    readonly status: 301 | 302 = 302,
  ) {}
}

/**
 * Serialises what controllers return: `undefined` is an empty body, a `StreamableFile` is streamed as it is, a
 * `TextBody` is sent as text, a `RedirectTo` answers its status and `Location` with an empty body, anything else is
 * written as JSON with the route's `@JsonContentType` (else the server's default) and a `Content-Length` (in one
 * write, by `JsonReplyExpressAdapter`). Status codes and headers come from `@HttpCode` and `@Header`; redirects with
 * a body from `@Redirect`.
 */
@Injectable()
export class JsonResponseInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly defaultContentType: string,
  ) {}

  /** A route's JSON content type; null for a redirecting route. */
  private readonly contentTypes = new PerRoute((context: ExecutionContext): string | null =>
    this.reflector.get(REDIRECT_METADATA, context.getHandler()) !== undefined
      ? null
      : (this.reflector.getAllAndOverride<string | undefined>(CONTENT_TYPE_METADATA, [
          context.getHandler(),
          context.getClass(),
        ]) ?? this.defaultContentType),
  );

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const contentType = this.contentTypes.of(context);
    if (contentType === null) return next.handle();
    return next.handle().pipe(
      map((value: unknown) => {
        if (value === undefined || value instanceof StreamableFile) return value;
        if (value instanceof TextBody) return value.text;
        if (value instanceof RedirectTo) {
          context
            .switchToHttp()
            .getResponse<Response>()
            .status(value.status)
            .setHeader('Location', value.location);
          return undefined;
        }
        return new SerializedJson(JSON.stringify(value), contentType);
      }),
    );
  }
}
