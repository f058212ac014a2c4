import { InvalidArgumentError, NotFoundError } from '@app/core';

/** Every message of `/users/{username}/calendars` and `/addressbooks` (webadmin.md §10), in one place. */
export class CollectionsUserNotFoundError extends NotFoundError {
  constructor() {
    super('User does not exist');
  }
}

export class UserCalendarNotFoundError extends NotFoundError {
  constructor() {
    super('Calendar does not exist');
  }
}

export class UserAddressBookNotFoundError extends NotFoundError {
  constructor() {
    super('Address book does not exist');
  }
}

export class InvalidCollectionBodyError extends InvalidArgumentError {
  constructor(reason: string) {
    super(`Invalid request body: ${reason}`);
  }
}
