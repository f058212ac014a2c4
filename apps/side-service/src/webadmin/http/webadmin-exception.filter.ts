import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import {
  DomainError,
  ErrorCode,
  MalformedBodyError,
  RequestValidationError,
  TooManyRequestsError,
  UnreadableBodyError,
  assertUnreachable,
} from '@app/core';
import { PlainTextError, WebadminError, WebadminErrorType } from './webadmin-error';

function fromDomainError(error: DomainError): WebadminError {
  const as = (status: number, type: WebadminErrorType) =>
    new WebadminError(status, type, error.message, error.details);
  switch (error.code) {
    case ErrorCode.InvalidArgument:
      return as(400, 'InvalidArgument');
    case ErrorCode.NotFound:
      return as(404, 'notFound');
    case ErrorCode.AlreadyExists:
    case ErrorCode.WrongState:
      return as(409, 'WrongState');
    case ErrorCode.MethodNotAllowed:
      return as(405, 'InvalidArgument');
    case ErrorCode.Unauthorized:
      return as(401, 'InvalidArgument');
    case ErrorCode.Forbidden:
      return as(403, 'InvalidArgument');
    case ErrorCode.UpstreamFailure:
      return as(502, 'ServerError');
    case ErrorCode.TooManyRequests:
      return as(429, 'InvalidArgument');
    default:
      return assertUnreachable(error.code);
  }
}

/** Every failure of the webadmin server in its `{statusCode, type, message, details}` format. */
@Catch()
export class WebadminExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(WebadminExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (exception instanceof PlainTextError) {
      if (!response.headersSent)
        response.status(exception.getStatus()).type('text/plain').send(exception.message);
      return;
    }
    const error = this.translate(exception, request);
    if (exception instanceof TooManyRequestsError)
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    if (!response.headersSent) response.status(error.statusCode).json(error.body());
  }

  private translate(exception: unknown, request: Request): WebadminError {
    if (exception instanceof WebadminError) return exception;
    if (exception instanceof MalformedBodyError) return WebadminError.invalidJson(exception.details);
    if (exception instanceof RequestValidationError)
      return exception.violation === 'value'
        ? WebadminError.invalidUserRequest(exception.details)
        : WebadminError.invalidJson(exception.details);
    if (exception instanceof UnreadableBodyError)
      return exception.status === 400
        ? WebadminError.invalidJson(exception.details)
        : new WebadminError(
            exception.status,
            'InvalidArgument',
            STATUS_CODES[exception.status] ?? 'Error',
            exception.details,
          );
    if (exception instanceof DomainError) return fromDomainError(exception);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404 && /^Cannot [A-Z]+ /.test(exception.message))
        return WebadminError.notFound(`${request.method} ${request.originalUrl} can not be found`);
      if (status < 500)
        return new WebadminError(status, status === 404 ? 'notFound' : 'InvalidArgument', exception.message);
    }
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId }, 'unexpected webadmin error');
    return new WebadminError(
      500,
      'ServerError',
      'WebAdmin encountered an unexpected internal error',
      `errorId ${errorId}`,
    );
  }
}
