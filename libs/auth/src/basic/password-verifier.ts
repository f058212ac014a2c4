/** Checks a user's password against the credential repository (LDAP bind, or OpenPaaS bcrypt hashes). */
export abstract class PasswordVerifier {
  abstract verify(username: string, password: string): Promise<boolean>;
}
