import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Client, Entry } from 'ldapts';
import type { LdapConfig } from '@app/config';
import { isUsablePassword } from '@app/core';
import { Directory, DirectoryEntry, PersonNames, namesOf } from './directory';
import { LDAP_CONFIG } from './directory.tokens';
import { escapeFilterValue, newLdapClient, openLdapClient } from './ldap-client';
import { ldapts } from './ldapts';

const ATTRIBUTES = ['uid', 'cn', 'sn', 'givenName', 'mail', 'telephoneNumber', 'displayName'];

function first(value: unknown): string | undefined {
  const item = Array.isArray(value) ? value[0] : value;
  if (item === undefined || item === null) return undefined;
  return Buffer.isBuffer(item) ? item.toString('utf8') : String(item);
}

@Injectable()
export class LdapDirectory extends Directory {
  private readonly logger = new Logger(LdapDirectory.name);

  constructor(@Inject(LDAP_CONFIG) private readonly config: LdapConfig) {
    super();
  }

  async findByLogin(login: string): Promise<DirectoryEntry | undefined> {
    return this.withClient((client) => this.search(client, this.config.userIdAttribute, login, true));
  }

  async verifyPassword(login: string, password: string): Promise<boolean> {
    if (!isUsablePassword(password)) return false; // an empty password would be an anonymous bind
    const entry = await this.findByLogin(login);
    if (!entry) return false;
    const client = newLdapClient(this.config, this.config.urls[0]!);
    try {
      await client.bind(entry.dn, password);
      return true;
    } catch (error) {
      if (error instanceof ldapts().InvalidCredentialsError) return false;
      throw error;
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  async listLogins(domain?: string): Promise<string[]> {
    const attribute = this.config.userIdAttribute;
    const objectClass = `(objectClass=${escapeFilterValue(this.config.userObjectClass)})`;
    const filter = domain ? `(&${objectClass}(${attribute}=*@${escapeFilterValue(domain)}))` : objectClass;
    return this.withClient(async (client) => {
      const { searchEntries } = await client.search(this.config.userListBase, {
        scope: 'sub',
        filter,
        attributes: [attribute],
        paged: true,
      });
      return searchEntries
        .map((entry) => first(entry[attribute])?.toLowerCase())
        .filter((login): login is string => Boolean(login))
        .sort();
    });
  }

  async resolveNames(email: string): Promise<PersonNames | undefined> {
    try {
      const entry = await this.withClient((client) => this.search(client, 'mail', email, false));
      return entry ? namesOf(entry) : undefined;
    } catch (error) {
      this.logger.warn(`name resolution failed for ${email}: ${(error as Error).message}`);
      return undefined;
    }
  }

  async searchDomainMembers(domain: string, filter?: string): Promise<DirectoryEntry[]> {
    const selection = `(&${this.objectClassFilter()}(mail=*@${escapeFilterValue(domain)}))`;
    return this.searchAll(filter ? `(&${selection}${filter})` : selection);
  }

  async listUserEntries(): Promise<DirectoryEntry[]> {
    return this.searchAll(this.objectClassFilter());
  }

  private objectClassFilter(): string {
    return `(objectClass=${escapeFilterValue(this.config.userObjectClass)})`;
  }

  /** Paged subtree search under the user base, every page read before the connection is released. */
  private async searchAll(filter: string): Promise<DirectoryEntry[]> {
    return this.withClient(async (client) => {
      const { searchEntries } = await client.search(this.config.userBase, {
        scope: 'sub',
        filter,
        attributes: ATTRIBUTES,
        paged: { pageSize: 1000 },
      });
      return searchEntries.map(toEntry);
    });
  }

  private async withClient<T>(action: (client: Client) => Promise<T>): Promise<T> {
    const client = await openLdapClient(this.config);
    try {
      return await action(client);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  private async search(
    client: Client,
    attribute: string,
    value: string,
    withExtraFilter: boolean,
  ): Promise<DirectoryEntry | undefined> {
    const extra = withExtraFilter && this.config.filter ? this.config.filter : '';
    const filter = `(&(objectClass=${escapeFilterValue(this.config.userObjectClass)})(${attribute}=${escapeFilterValue(value)})${extra})`;
    const { searchEntries } = await client.search(this.config.userBase, {
      scope: 'sub',
      filter,
      attributes: ATTRIBUTES,
      sizeLimit: 2,
    });
    const entry = searchEntries[0];
    return entry ? toEntry(entry) : undefined;
  }
}

function toEntry(entry: Entry): DirectoryEntry {
  return {
    dn: entry.dn,
    mail: first(entry.mail),
    uid: first(entry.uid),
    cn: first(entry.cn),
    sn: first(entry.sn),
    givenName: first(entry.givenName),
    displayName: first(entry.displayName),
    telephoneNumber: first(entry.telephoneNumber),
  };
}
