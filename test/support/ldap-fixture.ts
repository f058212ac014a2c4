import { randomBytes } from 'node:crypto';
import { Attribute, Change, Client } from 'ldapts';

export type LdapPerson = Record<string, string | string[]>;

/**
 * A private organizational unit in the stack's OpenLDAP (`ou=<prefix>-<random>,dc=twake,dc=test`) for one test file:
 * the seeded entries other tests rely on are never touched, and `remove()` deletes the unit and everything in it.
 * Tests point `LDAP_USER_BASE` at `base`.
 */
export class LdapFixture {
  private constructor(
    private readonly client: Client,
    readonly base: string,
  ) {}

  static async create(prefix: string): Promise<LdapFixture> {
    const client = new Client({ url: process.env.LDAP_URL! });
    await client.bind(process.env.LDAP_BIND_DN!, process.env.LDAP_BIND_PASSWORD!);
    const base = `ou=${prefix}-${randomBytes(4).toString('hex')},dc=twake,dc=test`;
    await client.add(base, {
      objectClass: ['top', 'organizationalUnit'],
      ou: base.slice(3, base.indexOf(',')),
    });
    return new LdapFixture(client, base);
  }

  /** Environment of a service reading users from this unit. */
  env(): Record<string, string> {
    return { LDAP_USER_BASE: this.base, LDAP_USER_LIST_BASE: this.base };
  }

  dn(uid: string): string {
    return `uid=${uid},${this.base}`;
  }

  /** An `inetOrgPerson` named by `uid` (`cn` and `sn` default to the uid). */
  async add(uid: string, attributes: LdapPerson = {}): Promise<void> {
    await this.client.add(this.dn(uid), {
      objectClass: ['top', 'person', 'organizationalPerson', 'inetOrgPerson'],
      uid,
      cn: uid,
      sn: uid,
      ...attributes,
    });
  }

  /** Replaces (or, with an empty list, removes) attributes of an entry. */
  async modify(uid: string, attributes: Record<string, string | string[]>): Promise<void> {
    await this.client.modify(
      this.dn(uid),
      Object.entries(attributes).map(
        ([type, values]) =>
          new Change({
            operation: 'replace',
            modification: new Attribute({ type, values: Array.isArray(values) ? values : [values] }),
          }),
      ),
    );
  }

  /** An `inetOrgPerson` without `uid` attribute, named by its `cn`. */
  async addWithoutUid(cn: string, attributes: LdapPerson = {}): Promise<void> {
    await this.client.add(`cn=${cn},${this.base}`, {
      objectClass: ['top', 'person', 'organizationalPerson', 'inetOrgPerson'],
      cn,
      sn: cn,
      ...attributes,
    });
  }

  async remove(uid: string): Promise<void> {
    await this.client.del(this.dn(uid));
  }

  /** Deletes every entry of the unit, then the unit. */
  async destroy(): Promise<void> {
    const { searchEntries } = await this.client.search(this.base, {
      scope: 'one',
      filter: '(objectClass=*)',
      attributes: ['dn'],
      paged: true,
    });
    for (const entry of searchEntries) await this.client.del(entry.dn);
    await this.client.del(this.base);
    await this.client.unbind();
  }
}
