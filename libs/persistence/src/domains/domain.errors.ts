import { AlreadyExistsError, NotFoundError } from '@app/core';

export class DomainAlreadyExistsError extends AlreadyExistsError {
  constructor(readonly domainName: string) {
    super(`Domain ${domainName} already exists`);
  }
}

export class DomainNotFoundError extends NotFoundError {
  constructor(readonly domainName: string) {
    super(`Domain not found: ${domainName}`);
  }
}
