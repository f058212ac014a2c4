import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ErrorCode } from '@app/core';

/** The ticket routes answer their errors as problem details (RFC 7807), as the original's ticket library does. */
@Catch()
export class TicketProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const status =
      exception instanceof DomainError
        ? exception.code === ErrorCode.Forbidden
          ? 403
          : exception.code === ErrorCode.InvalidArgument
            ? 400
            : 401
        : 500;
    const detail =
      status === 401
        ? 'Wrong credentials provided'
        : status === 403
          ? 'Forbidden'
          : status === 400
            ? 'Bad request'
            : 'Internal error';
    response
      .status(status)
      .type('application/problem+json')
      .send(JSON.stringify({ type: 'about:blank', status, detail }));
  }
}
