import { compare } from 'bcryptjs';
import { UserRepository } from '@app/persistence';
import { PasswordVerifier } from './password-verifier';

const BCRYPT = /^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$/;

/**
 * Passwords stored by OpenPaaS in the `users` collection (bcrypt). Documents created by the side service hold a
 * random placeholder, which never matches.
 */
export class StoredPasswordVerifier extends PasswordVerifier {
  constructor(private readonly users: UserRepository) {
    super();
  }

  async verify(username: string, password: string): Promise<boolean> {
    const hash = await this.users.findPasswordHash(username);
    return hash !== undefined && BCRYPT.test(hash) && compare(password, hash);
  }
}
