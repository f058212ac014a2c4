import { DomainError, ErrorCode } from '@app/core';

/** A stored settings document breaks the OpenPaaS layout (storage.md §5: parsing is strict). */
export class MalformedConfigurationError extends DomainError {
  constructor(details: string) {
    super(ErrorCode.WrongState, 'Stored user settings are malformed', details);
  }
}
