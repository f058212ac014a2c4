import { Domain } from './domain';

/** Port over the `domains` collection. */
export abstract class DomainRepository {
  abstract findById(id: string): Promise<Domain | undefined>;
  abstract findByName(name: string): Promise<Domain | undefined>;
  abstract list(): Promise<Domain[]>;
  /** Throws `DomainAlreadyExistsError` when the name is taken. */
  abstract create(name: string): Promise<Domain>;
  /** Creates the domain unless it exists; returns it either way. */
  abstract ensure(name: string): Promise<Domain>;
  /** Adds the users not yet administrators (`$push` with `$each`, stamped now); nothing to add, no write. */
  abstract addAdministrators(domainId: string, userIds: string[]): Promise<void>;
  /** Removes the user from the administrators (`$pull`); idempotent. */
  abstract revokeAdministrator(domainId: string, userId: string): Promise<void>;
}
