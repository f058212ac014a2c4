import { DomainError, ErrorCode, InvalidArgumentError } from '@app/core';

/** A credential was recognised and refused: the chain stops with 401. Its message is for logs only. */
export class AuthenticationRejectedError extends DomainError {
  constructor(reason: string) {
    super(ErrorCode.Unauthorized, reason);
  }
}

/** A credential of a known kind is malformed: 400. */
export class MalformedCredentialError extends InvalidArgumentError {
  constructor(details: string) {
    super('Bad request', details);
  }
}
