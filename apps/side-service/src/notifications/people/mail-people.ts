import { Inject, Injectable, Logger } from '@nestjs/common';
import { domainOfMailAddress, isObjectIdHex } from '@app/core';
import { MailAddress } from '@app/mail';
import { isValidTimeZone } from '@app/ical';
import {
  ConfigurationEntry,
  ConfigurationRepository,
  DomainRepository,
  User,
  UserRepository,
} from '@app/persistence';
import { languageSetting } from '../../user-settings/language-setting';
import { RecipientLocale } from '../mails/mail-context';
import { ExpiringCache } from './expiring-cache';
import { LocalResourceLookup } from './local-resource-lookup';

export const USER_DEFAULTS = Symbol('USER_DEFAULTS');
/** Look-ups are kept this long: a burst of mails from one organizer reads its user and settings once. */
const CACHE_TTL_MS = 30_000;
const CACHE_SIZE = 10_000;

export interface MailPerson {
  /** The user record of the address, when there is one. */
  user?: User;
  /** firstname + " " + lastname, trimmed; empty without a record. */
  fullName: string;
  /** The user's language and zone; `undefined` when unresolved (unknown user or domain, invalid zone). */
  locale?: RecipientLocale;
}

/**
 * Who the addresses of a mail are (mail.md §5.3, §7.2): their user record, display name and settings from the
 * `configurations` collection with the configured defaults.
 */
@Injectable()
export class MailPeople {
  private readonly logger = new Logger(MailPeople.name);
  private readonly people = new ExpiringCache<MailPerson>(CACHE_TTL_MS, CACHE_SIZE);
  private readonly resources = new ExpiringCache<boolean>(CACHE_TTL_MS, CACHE_SIZE);

  constructor(
    private readonly users: UserRepository,
    private readonly domains: DomainRepository,
    private readonly configurations: ConfigurationRepository,
    private readonly resourceLookup: LocalResourceLookup,
    @Inject(USER_DEFAULTS) private readonly defaults: RecipientLocale,
  ) {}

  person(email: string): Promise<MailPerson> {
    const address = email.toLowerCase();
    return this.people.get(address, () => this.load(address));
  }

  /** From/To of a mail: the user-record full name; the address itself when that name is empty; bare otherwise. */
  async address(email: string): Promise<MailAddress> {
    const person = await this.person(email);
    if (!person.user) return { address: email };
    return { address: email, name: person.fullName || email };
  }

  /** A local resource: a non-deleted resource whose id is the local part, in the address's domain. */
  isLocalResource(email: string): Promise<boolean> {
    const address = email.toLowerCase();
    return this.resources.get(address, async () => {
      const localPart = address.slice(0, address.lastIndexOf('@'));
      if (!isObjectIdHex(localPart)) return false;
      const domain = await this.domains.findByName(domainOfMailAddress(address));
      return domain ? this.resourceLookup.isActiveResourceOf(localPart, domain.id) : false;
    });
  }

  /** Drops what is remembered of a resource's address (it was changed or deleted). */
  forgetResource(resourceId: string): void {
    const prefix = `${resourceId.toLowerCase()}@`;
    this.resources.forget((address) => address.startsWith(prefix));
  }

  private async load(email: string): Promise<MailPerson> {
    const user = await this.users.findByEmail(email);
    if (!user) return { fullName: '' };
    const fullName = `${user.firstname ?? ''} ${user.lastname ?? ''}`.trim();
    return { user, fullName, locale: await this.localeOf(user) };
  }

  private async localeOf(user: User): Promise<RecipientLocale | undefined> {
    if (!user.domainId || !(await this.domains.findById(user.domainId))) return undefined;
    let entries: ConfigurationEntry[] = [];
    try {
      entries = await this.configurations.findEntries(user.domainId, user.id);
    } catch (error) {
      this.logger.error(`settings of ${user.email} unreadable, defaults used: ${(error as Error).message}`);
    }
    const datetime = entries.find((entry) => entry.module === 'core' && entry.key === 'datetime')?.value;
    const timeZone =
      typeof datetime === 'object' && datetime !== null
        ? (datetime as { timeZone?: unknown }).timeZone
        : undefined;
    if (
      timeZone !== undefined &&
      timeZone !== null &&
      (typeof timeZone !== 'string' || !isValidTimeZone(timeZone))
    )
      return undefined;
    return {
      language: languageSetting(entries, this.defaults.language),
      timeZone: typeof timeZone === 'string' ? timeZone : this.defaults.timeZone,
    };
  }
}
