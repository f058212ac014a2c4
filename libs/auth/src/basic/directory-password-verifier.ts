import { CredentialDirectory } from '@app/directory';
import { PasswordVerifier } from './password-verifier';

/** The authentication directory (LDAP bind, or the in-memory store of `/users`). */
export class DirectoryPasswordVerifier extends PasswordVerifier {
  constructor(private readonly directory: CredentialDirectory) {
    super();
  }

  verify(username: string, password: string): Promise<boolean> {
    return this.directory.verify(username, password);
  }
}

/** Accepts the password when any of the verifiers does (tried in order). */
export class FirstMatchPasswordVerifier extends PasswordVerifier {
  constructor(private readonly verifiers: PasswordVerifier[]) {
    super();
  }

  async verify(username: string, password: string): Promise<boolean> {
    for (const verifier of this.verifiers) if (await verifier.verify(username, password)) return true;
    return false;
  }
}
