import { SecretLink } from './secret-link';

/** Port over `secretlinks`. */
export abstract class SecretLinkRepository {
  abstract findByOwner(
    userId: string,
    calendarHomeId: string,
    calendarId: string,
  ): Promise<SecretLink | undefined>;
  /** Stores the link of this (owner, calendar), replacing (invalidating) the previous token. */
  abstract save(link: SecretLink): Promise<void>;
  /** Every link of a calendar (one per user who asked): the caller compares tokens in constant time. */
  abstract listByCalendar(calendarHomeId: string, calendarId: string): Promise<SecretLink[]>;
}
