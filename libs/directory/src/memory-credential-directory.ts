import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { InvalidArgumentError, UNUSABLE_PASSWORD_MESSAGE, isUsablePassword } from '@app/core';
import { CredentialDirectory, DirectoryUserExistsError } from './credential-directory';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  length: number,
) => Promise<Buffer>;

/** Volatile in-process directory (no LDAP configured): passwords kept as scrypt hashes, lost on restart. */
export class MemoryCredentialDirectory extends CredentialDirectory {
  private readonly users = new Map<string, { salt: Buffer; hash: Buffer }>();
  /** Hashed in place of an unknown user's entry, so that a miss costs what a wrong password costs. */
  private readonly dummy = { salt: randomBytes(16), hash: randomBytes(32) };

  async list(domain?: string): Promise<string[]> {
    return [...this.users.keys()].filter((username) => !domain || username.endsWith(`@${domain}`)).sort();
  }

  async exists(username: string): Promise<boolean> {
    return this.users.has(username.toLowerCase());
  }

  async verify(username: string, password: string): Promise<boolean> {
    const known = this.users.get(username.toLowerCase());
    const entry = known ?? this.dummy;
    const hash = await scrypt(password, entry.salt, entry.hash.length);
    return timingSafeEqual(hash, entry.hash) && known !== undefined && isUsablePassword(password);
  }

  async setPassword(username: string, password: string, force: boolean): Promise<void> {
    if (!isUsablePassword(password)) throw new InvalidArgumentError(UNUSABLE_PASSWORD_MESSAGE);
    const key = username.toLowerCase();
    if (this.users.has(key) && !force) throw new DirectoryUserExistsError(key);
    const salt = randomBytes(16);
    this.users.set(key, { salt, hash: await scrypt(password, salt, 32) });
  }

  async delete(username: string): Promise<void> {
    this.users.delete(username.toLowerCase());
  }
}
