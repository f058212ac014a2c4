import { CredentialDirectory, ReadOnlyDirectoryError } from './credential-directory';
import { Directory } from './directory';

export class LdapCredentialDirectory extends CredentialDirectory {
  constructor(private readonly directory: Directory) {
    super();
  }

  list(domain?: string): Promise<string[]> {
    return this.directory.listLogins(domain);
  }

  async exists(username: string): Promise<boolean> {
    return (await this.directory.findByLogin(username)) !== undefined;
  }

  verify(username: string, password: string): Promise<boolean> {
    return this.directory.verifyPassword(username, password);
  }

  async setPassword(): Promise<void> {
    throw new ReadOnlyDirectoryError();
  }

  async delete(): Promise<void> {
    throw new ReadOnlyDirectoryError();
  }
}
