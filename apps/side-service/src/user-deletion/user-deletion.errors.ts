import { InvalidArgumentError } from '@app/core';

/** Every message of `POST /users/{username}?action=deleteData` (webadmin.md §5.4), in one place. */
export class UnknownDeletionStepError extends InvalidArgumentError {
  constructor(step: string, known: string[]) {
    super(`Unknown step: ${step}`, `Known steps are: ${known.join(', ')}`);
  }
}

export class NotInDirectoryError extends InvalidArgumentError {
  constructor(username: string) {
    super(
      `User ${username} does not exist in the authentication directory`,
      "Add 'force' to delete it anyway",
    );
  }
}
