import { AlreadyExistsError, NotFoundError } from '@app/core';

export class UserAlreadyExistsError extends AlreadyExistsError {
  constructor(readonly email: string) {
    super(`${email} already exists`);
  }
}

export class UserNotFoundError extends NotFoundError {
  constructor(readonly reference: string) {
    super(`User with id ${reference} not found`);
  }
}
