import { Inject, Injectable, Logger } from '@nestjs/common';
import { UserProvisioner } from '@app/auth';
import { domainOfMailAddress } from '@app/core';
import { CredentialDirectory, Directory } from '@app/directory';
import {
  DomainNotFoundError,
  DomainRepository,
  User,
  UserAlreadyExistsError,
  UserRepository,
} from '@app/persistence';

/**
 * Creates the `users` document of someone who proved who they are but is not registered yet: the OIDC first contact
 * (through the `UserProvisioner` port of `@app/auth`) and the directory user met by `GET /api/user` or a settings
 * write (rest-api.md §2.9).
 */
@Injectable()
export class UserProvisioning extends UserProvisioner {
  private readonly logger = new Logger(UserProvisioning.name);

  constructor(
    private readonly users: UserRepository,
    private readonly domains: DomainRepository,
    @Inject(Directory) private readonly directory: Directory | null,
    /** The credential repository: LDAP when configured, else the in-memory directory of webadmin `/users`. */
    private readonly credentials: CredentialDirectory,
  ) {
    super();
  }

  /**
   * OIDC first contact: names from the identity provider; when it gives none, from the directory; else the e-mail
   * for both. An unknown domain is an error (the request fails with 500, not 401).
   */
  override async ensureFromIdentityProvider(
    email: string,
    names: { givenName?: string; familyName?: string },
  ): Promise<User> {
    const existing = await this.users.findByEmail(email);
    if (existing) return existing;
    let firstname: string;
    let lastname: string;
    if (names.givenName !== undefined || names.familyName !== undefined) {
      firstname = names.givenName ?? '';
      lastname = names.familyName ?? '';
    } else {
      const resolved = await this.directory?.resolveNames(email);
      firstname = resolved?.firstname ?? email;
      lastname = resolved?.lastname ?? email;
    }
    return this.create(email, firstname, lastname);
  }

  /**
   * A user present in the credential repository (LDAP, or the in-memory directory without LDAP) but not in
   * `users`: names from the LDAP directory, else blank (rest-api.md §2.9).
   */
  async ensureFromDirectory(email: string): Promise<User | undefined> {
    const existing = await this.users.findByEmail(email);
    if (existing) return existing;
    if (!(await this.credentials.exists(email))) return undefined;
    const names = await this.directory?.resolveNames(email);
    return this.create(email, names?.firstname ?? '', names?.lastname ?? '');
  }

  private async create(email: string, firstname: string, lastname: string): Promise<User> {
    const domain = await this.domains.findByName(domainOfMailAddress(email));
    if (!domain) throw new DomainNotFoundError(domainOfMailAddress(email));
    try {
      const user = await this.users.create({ email, firstname, lastname, domainId: domain.id });
      this.logger.log(`provisioned user ${email}`);
      return user;
    } catch (error) {
      if (error instanceof UserAlreadyExistsError) return (await this.users.findByEmail(email))!;
      throw error;
    }
  }
}
