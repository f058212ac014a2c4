import { HttpException } from '@nestjs/common';

export type WebadminErrorType = 'InvalidArgument' | 'notFound' | 'WrongState' | 'ServerError';

export interface WebadminErrorBody {
  statusCode: number;
  type: WebadminErrorType;
  message: string;
  details: string | null;
}

/** An error the spec answers with a plain-text body instead of the webadmin format (e.g. 415 of add-revoked-token). */
export class PlainTextError extends HttpException {
  constructor(status: number, text: string) {
    super(text, status);
  }
}

/** An error answered exactly as given, in the webadmin error format. */
export class WebadminError extends HttpException {
  constructor(
    readonly statusCode: number,
    readonly type: WebadminErrorType,
    message: string,
    readonly details: string | null = null,
  ) {
    super(message, statusCode);
  }

  static invalidArgument(message: string, details: string | null = null): WebadminError {
    return new WebadminError(400, 'InvalidArgument', message, details);
  }

  static notFound(message: string): WebadminError {
    return new WebadminError(404, 'notFound', message);
  }

  static invalidJson(details: string | null = null): WebadminError {
    return new WebadminError(400, 'InvalidArgument', 'JSON payload of the request is not valid', details);
  }

  static invalidUserRequest(details: string | null): WebadminError {
    return new WebadminError(
      400,
      'InvalidArgument',
      'Invalid arguments supplied in the user request',
      details,
    );
  }

  body(): WebadminErrorBody {
    return { statusCode: this.statusCode, type: this.type, message: this.message, details: this.details };
  }
}
