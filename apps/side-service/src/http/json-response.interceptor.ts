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
import { Observable, map } from 'rxjs';

const CONTENT_TYPE_METADATA = 'json-response:content-type';

/** The `Content-Type` of a route's JSON answer, written exactly so (Express would turn `;charset` into `; charset`). */
export const JsonContentType = (contentType: string) => SetMetadata(CONTENT_TYPE_METADATA, contentType);

/**
 * Serialises what controllers return: `undefined` is an empty body, a `StreamableFile` is streamed as it is,
 * anything else is written as JSON with the route's `@JsonContentType` (else the server's default) and a
 * `Content-Length`. Status codes and headers come from `@HttpCode` and `@Header`; redirects from `@Redirect`.
 */
@Injectable()
export class JsonResponseInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly defaultContentType: string,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const handler = context.getHandler();
    if (this.reflector.get(REDIRECT_METADATA, handler) !== undefined) return next.handle();
    const contentType =
      this.reflector.getAllAndOverride<string | undefined>(CONTENT_TYPE_METADATA, [
        handler,
        context.getClass(),
      ]) ?? this.defaultContentType;
    return next.handle().pipe(
      map((value: unknown) => {
        if (value === undefined || value instanceof StreamableFile) return value;
        const payload = Buffer.from(JSON.stringify(value), 'utf8');
        return new StreamableFile(payload, { type: contentType, length: payload.length });
      }),
    );
  }
}
