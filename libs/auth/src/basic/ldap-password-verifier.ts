import { Directory } from '@app/directory';
import { PasswordVerifier } from './password-verifier';

/** LDAP bind of the entry whose login attribute is the username. */
export class LdapPasswordVerifier extends PasswordVerifier {
  constructor(private readonly directory: Directory) {
    super();
  }

  verify(username: string, password: string): Promise<boolean> {
    return this.directory.verifyPassword(username, password);
  }
}
