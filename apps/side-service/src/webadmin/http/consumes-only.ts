import { CanActivate, ExecutionContext, applyDecorators, UseGuards } from '@nestjs/common';
import { ApiConsumes, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { PlainTextError } from './webadmin-error';

/**
 * A route that reads only bodies of `mediaType`: any other `Content-Type` answers 415 `Unsupported Content-Type` in
 * plain text (webadmin.md §12), checked as a guard so that it comes before the validation of the body.
 */
export function ConsumesOnly(mediaType: string): MethodDecorator & ClassDecorator {
  const guard: CanActivate = {
    canActivate(context: ExecutionContext): boolean {
      const contentType = context.switchToHttp().getRequest<Request>().headers['content-type'];
      if (!contentType?.toLowerCase().startsWith(mediaType))
        throw new PlainTextError(415, 'Unsupported Content-Type');
      return true;
    },
  };
  return applyDecorators(
    ApiConsumes(mediaType),
    ApiUnsupportedMediaTypeResponse({ description: '`Unsupported Content-Type` (text/plain)' }),
    UseGuards(guard),
  );
}
