import { NewUser, User, UserUpdate } from './user';

export interface BackfillProgress {
  processed: number;
  upgraded: number;
  failed: number;
}

/** Port over the `users` collection. Implementations never replace legacy documents. */
export abstract class UserRepository {
  /** Throws `UserAlreadyExistsError` when the address is taken. */
  abstract create(user: NewUser): Promise<User>;
  abstract findById(id: string): Promise<User | undefined>;
  abstract findByEmail(email: string): Promise<User | undefined>;
  /** The users holding any of these addresses (exact, case-insensitive), in no particular order. */
  abstract findByEmails(emails: string[]): Promise<User[]>;
  /**
   * Users of the domain whose address, first name, last name or one of the first names starts with the query
   * (case-insensitive), at most `limit`.
   */
  abstract search(domainId: string, query: string, limit: number): Promise<User[]>;
  abstract list(): Promise<User[]>;
  abstract listByDomain(domainId: string): Promise<User[]>;
  /** Throws `UserNotFoundError` for an unknown id, `UserAlreadyExistsError` when the new address is taken. */
  abstract update(id: string, update: UserUpdate): Promise<void>;
  /** The stored `password` field of the user with that address (an OpenPaaS bcrypt hash, or a placeholder). */
  abstract findPasswordHash(email: string): Promise<string | undefined>;
  /**
   * Sets `email` (from the first account address) and `firstnames` on every document lacking one of them.
   * `progress` is told about each document scanned; a failed update (e.g. duplicate e-mail) is counted, not fatal.
   */
  abstract backfillMissingFields(progress: BackfillProgress, signal?: AbortSignal): Promise<void>;
  /** Returns whether a document was deleted. */
  abstract deleteByEmail(email: string): Promise<boolean>;
}
