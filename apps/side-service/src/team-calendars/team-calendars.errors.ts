import { InvalidArgumentError, NotFoundError } from '@app/core';

/** Every message of the webadmin team-calendar routes (webadmin.md §9), in one place. */
export class TeamCalendarNotFoundError extends NotFoundError {
  constructor(id?: string) {
    super(id === undefined ? 'Team calendar does not exist' : `Team calendar does not exist: ${id}`);
  }
}

export class CandidateMemberNotFoundError extends InvalidArgumentError {
  constructor(username: string) {
    super(`Candidate member not found: ${username}`);
  }
}

export class MemberOutsideDomainError extends InvalidArgumentError {
  constructor(domain: string) {
    super(`Member must belong to domain: ${domain}`);
  }
}
