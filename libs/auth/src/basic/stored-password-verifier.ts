import { compare } from 'bcryptjs';
import { isUsablePassword } from '@app/core';
import { UserRepository } from '@app/persistence';
import { PasswordVerifier } from './password-verifier';

const BCRYPT = /^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$/;
/** Compared against when there is no usable hash, so that an unknown user costs what a wrong password costs. */
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8gT6i7pVWK0xZsN0sOMLU7bIb/Ph9K';

/**
 * Passwords stored by OpenPaaS in the `users` collection (bcrypt). Documents created by the side service hold a
 * random placeholder, which never matches.
 */
export class StoredPasswordVerifier extends PasswordVerifier {
  constructor(private readonly users: UserRepository) {
    super();
  }

  async verify(username: string, password: string): Promise<boolean> {
    const stored = await this.users.findPasswordHash(username);
    const usable = stored !== undefined && BCRYPT.test(stored);
    const matches = await compare(password, usable ? stored : DUMMY_HASH);
    return matches && usable && isUsablePassword(password);
  }
}
