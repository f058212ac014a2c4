import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Logger,
  NotFoundException,
  Optional,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import {
  DomainError,
  ErrorCode,
  RequestValidationError,
  TooManyRequestsError,
  UnreadableBodyError,
  assertUnreachable,
} from '@app/core';
import { DAV_PROXY_PREFIX } from './dav-proxy-paths';
import { EmptyBodyError, RestError } from './rest-error';
import { UnmatchedRequestHandler } from './unmatched-request.handler';

type Answer = { status: number; body?: RestError };

function fromDomainError(error: DomainError): Answer {
  switch (error.code) {
    case ErrorCode.InvalidArgument:
      return { status: 400, body: RestError.badRequest(error.details ?? error.message) };
    case ErrorCode.AlreadyExists:
    case ErrorCode.WrongState:
      return { status: 409, body: new RestError(409, error.message, 'BadRequest') };
    case ErrorCode.Unauthorized:
      return { status: 401 };
    case ErrorCode.Forbidden:
      return { status: 403 };
    case ErrorCode.NotFound:
      return { status: 404 };
    case ErrorCode.MethodNotAllowed:
      return { status: 405 };
    case ErrorCode.TooManyRequests:
      return { status: 429, body: new RestError(429, error.details ?? error.message) };
    case ErrorCode.UpstreamFailure:
      // The cause (upstream URL, body) is logged by the filter, never sent to the caller.
      return { status: 502, body: new RestError(502, 'Upstream server unavailable', 'ServerError') };
    default:
      return assertUnreachable(error.code);
  }
}

/**
 * Errors of the REST API (§3.1 of the REST spec): route errors carry the JSON body; the global fallbacks answer
 * 401, 403 and 404 with an empty body, invalid arguments with a 400 JSON body, anything else 500 with an empty body
 * (the cause is logged under an error id, sent back in `X-Error-Id`). No `WWW-Authenticate` header is ever sent.
 */
@Catch()
export class RestExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(RestExceptionFilter.name);

  constructor(@Optional() private readonly unmatched?: UnmatchedRequestHandler) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    // Nest's own "no route matched" error (its exact message): the fallback step of rest-api.md §1.
    const unmatched =
      exception instanceof NotFoundException &&
      exception.message === `Cannot ${request.method} ${request.originalUrl}` &&
      !request.originalUrl.startsWith(DAV_PROXY_PREFIX);
    if (this.unmatched && unmatched) {
      this.unmatched.handle(request, response).catch((error: unknown) => this.answer(error, response));
      return;
    }
    this.answer(exception, response);
  }

  private answer(exception: unknown, response: Response): void {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const answer = this.translate(exception, response);
    response.status(answer.status);
    if (answer.body) response.json(answer.body.body());
    else response.end();
  }

  private translate(exception: unknown, response: Response): Answer {
    if (exception instanceof RestError) return { status: exception.statusCode, body: exception };
    if (exception instanceof EmptyBodyError) return { status: exception.getStatus() };
    // The route's own validation (its DTO): the reason phrase of route errors.
    if (exception instanceof RequestValidationError)
      return { status: 400, body: new RestError(400, exception.details) };
    // Read before any route ran: the global handler's words for 400, the status' reason phrase otherwise.
    if (exception instanceof UnreadableBodyError) {
      const details = exception.details ?? exception.message;
      const body =
        exception.status === 400 ? RestError.badRequest(details) : new RestError(exception.status, details);
      return { status: exception.status, body };
    }
    if (exception instanceof TooManyRequestsError)
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    if (exception instanceof DomainError) {
      if (exception.code === ErrorCode.UpstreamFailure)
        this.logger.warn({ err: exception }, 'upstream failure');
      return fromDomainError(exception);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 400) return { status, body: RestError.badRequest(exception.message) };
      if (status < 500) return { status };
    }
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId }, 'unexpected REST API error');
    response.setHeader('X-Error-Id', errorId);
    return { status: 500 };
  }
}
