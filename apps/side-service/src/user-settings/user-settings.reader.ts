import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '@app/config';
import { domainOfMailAddress } from '@app/core';
import {
  ConfigurationRepository,
  DomainRepository,
  MalformedConfigurationError,
  User,
} from '@app/persistence';
import { LegacySettingsClient } from './legacy-settings.client';
import { ModuleKeys, ModuleSettings, SettingEntry } from './settings-body';
import {
  CORE,
  SETTINGS_CATALOGUE,
  SettingDefinition,
  SettingsContext,
  findSetting,
} from './settings-catalogue';

const entryKey = (module: string, key: string) => `${module}\u0000${key}`;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Resolves settings per rest-api.md §5.3: configuration and constants, then stored values with defaults. */
@Injectable()
export class UserSettingsReader {
  private readonly logger = new Logger(UserSettingsReader.name);
  private readonly context: SettingsContext;

  constructor(
    config: ConfigService<AllConfig, true>,
    private readonly configurations: ConfigurationRepository,
    private readonly domains: DomainRepository,
    private readonly legacy: LegacySettingsClient,
  ) {
    this.context = {
      dav: config.get('dav', { infer: true }),
      visioUrl: config.get('app', { infer: true }).visioUrl,
      userDefaults: config.get('userDefaults', { infer: true }),
      spa: config.get('spaSettings', { infer: true }),
    };
  }

  /**
   * The values asked for, module by module in the order asked. `user` is absent for unregistered callers. Values the
   * catalogue answers are computed at once; only the legacy backend's are awaited (all of them together).
   */
  async read(username: string, user: User | undefined, requests: ModuleKeys[]): Promise<ModuleSettings[]> {
    const stored = new Map(
      (await this.storedOrNone(user)).map((entry) => [entryKey(entry.module, entry.key), entry]),
    );
    const legacyReads: Promise<void>[] = [];
    const modules = requests.map(({ module, keys }) => ({
      name: module,
      configurations: (keys ?? this.knownKeys(module)).map((key) => {
        const entry: { name: string; value: unknown } = { name: key, value: undefined };
        const definition = findSetting(module, key);
        if (definition || !this.legacy.configured)
          entry.value = this.localValueOf(definition, module, key, stored);
        else
          legacyReads.push(
            this.legacy.read(username, module, key).then((value) => {
              entry.value = value;
            }),
          );
        return entry;
      }),
    }));
    if (legacyReads.length > 0) await Promise.all(legacyReads);
    return modules;
  }

  /** The user's stored entries; a user without a document has none. */
  async stored(user: User): Promise<SettingEntry[]> {
    const domainId = user.domainId ?? (await this.domains.findByName(domainOfMailAddress(user.email)))?.id;
    if (!domainId) return [];
    return this.configurations.findEntries(domainId, user.id);
  }

  /** Where the user's settings document lives (its domain and id). */
  async ownerOf(user: User): Promise<{ domainId: string; userId: string } | undefined> {
    const domainId = user.domainId ?? (await this.domains.findByName(domainOfMailAddress(user.email)))?.id;
    return domainId ? { domainId, userId: user.id } : undefined;
  }

  /** `core.datetime.timeZone` as stored, else the default; `UTC` when the stored settings cannot be read. */
  async timeZoneOf(user: User): Promise<string> {
    try {
      const datetime = (await this.stored(user)).find(
        (entry) => entry.module === CORE && entry.key === 'datetime',
      );
      const zone = (datetime?.value as { timeZone?: unknown } | null | undefined)?.timeZone;
      if (zone === undefined || zone === null) return this.context.userDefaults.timeZone;
      return typeof zone === 'string' && isTimeZone(zone) ? zone : 'UTC';
    } catch (error) {
      this.logger.warn(`time zone of ${user.email} unreadable: ${String(error)}`);
      return 'UTC';
    }
  }

  private async storedOrNone(user: User | undefined): Promise<SettingEntry[]> {
    if (!user) return [];
    try {
      return await this.stored(user);
    } catch (error) {
      if (!(error instanceof MalformedConfigurationError)) throw error;
      this.logger.warn(`settings of ${user.email} are malformed, defaults used: ${error.details ?? ''}`);
      return [];
    }
  }

  private knownKeys(module: string): string[] {
    return SETTINGS_CATALOGUE.filter((definition) => definition.module === module).map(({ key }) => key);
  }

  /** A value this service answers itself (the legacy backend answers the other keys when it is configured). */
  private localValueOf(
    definition: SettingDefinition | undefined,
    module: string,
    key: string,
    stored: Map<string, SettingEntry>,
  ): unknown {
    const own = stored.get(entryKey(module, key));
    if (definition?.source === 'fixed') return definition.value(this.context);
    if (definition?.source === 'stored') return own ? own.value : definition.fallback(this.context);
    // Without a legacy backend the original fails (500); a stored value, else null, is answered instead.
    return own ? own.value : null;
  }
}
