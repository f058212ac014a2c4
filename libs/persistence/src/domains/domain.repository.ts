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
}
