import { WrongStateError } from '@app/core';

/** A write to the LDAP directory, which the service never modifies: a client error (409), not a crash. */
export class ReadOnlyDirectoryError extends WrongStateError {
  constructor() {
    super('The authentication directory is read-only (LDAP): users are managed in the LDAP server');
  }
}

export class DirectoryUserExistsError extends WrongStateError {
  constructor(username: string) {
    super(`User ${username} already exists`);
  }
}

/**
 * The authentication directory behind `/users` and Basic authentication: LDAP (read-only) when configured,
 * otherwise a volatile in-memory store.
 */
export abstract class CredentialDirectory {
  abstract list(domain?: string): Promise<string[]>;
  abstract exists(username: string): Promise<boolean>;
  abstract verify(username: string, password: string): Promise<boolean>;
  /** Creates the user, or updates the password with `force`; `DirectoryUserExistsError` otherwise. */
  abstract setPassword(username: string, password: string, force: boolean): Promise<void>;
  abstract delete(username: string): Promise<void>;
}
