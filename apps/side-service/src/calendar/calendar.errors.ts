import { DomainError, ErrorCode, NotFoundError } from '@app/core';

/** Unknown token, or a token issued for another calendar (rest-api.md §5.5: 403 `Token validation failed`). */
export class SecretLinkRejectedError extends DomainError {
  constructor() {
    super(ErrorCode.Forbidden, 'Token validation failed');
  }
}

export class CalendarNotFoundError extends NotFoundError {
  constructor(path: string) {
    super('Calendar not found', path);
  }
}
