import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

export type RestErrorType =
  | 'BadRequest'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'UnprocessableEntity'
  | 'ServiceUnavailable'
  | 'ServerError'
  | 'InactiveBookingLink'
  | 'UnavailableBookingSlot';

const TYPE_BY_STATUS: Record<number, RestErrorType> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  422: 'UnprocessableEntity',
  503: 'ServiceUnavailable',
};

export interface RestErrorBody {
  error: { code: number; type: RestErrorType; message: string; details: string | null };
}

/** An error answered with the REST API's JSON body `{"error": {code, type, message, details}}`. */
export class RestError extends HttpException {
  constructor(
    readonly statusCode: number,
    readonly details: string | null,
    readonly type: RestErrorType = TYPE_BY_STATUS[statusCode] ?? 'ServerError',
    message: string = STATUS_CODES[statusCode] ?? 'Error',
  ) {
    super(message, statusCode);
  }

  static badRequest(details: string): RestError {
    return new RestError(400, details, 'BadRequest', 'Bad request');
  }

  static notFound(details: string, message = 'Not Found'): RestError {
    return new RestError(404, details, 'NotFound', message);
  }

  body(): RestErrorBody {
    return {
      error: { code: this.statusCode, type: this.type, message: this.message, details: this.details },
    };
  }
}

/** A status answered with an empty body, where the original answers so (e.g. a blank icon name: 400). */
export class EmptyBodyError extends HttpException {
  constructor(status: number) {
    super(STATUS_CODES[status] ?? 'Error', status);
  }
}
