import type { DavConfig, SpaSettingsConfig, UserDefaultsConfig } from '@app/config';

/** What the known settings are computed from. */
export interface SettingsContext {
  dav: Pick<DavConfig, 'url'>;
  visioUrl: string;
  userDefaults: UserDefaultsConfig;
  spa: SpaSettingsConfig;
}

/**
 * A setting this service answers itself (rest-api.md §5.3): from configuration or a constant (stored values are
 * ignored), or stored per user with a default. Any other key is asked of the legacy OpenPaaS backend.
 */
export type SettingDefinition =
  | { module: string; key: string; source: 'fixed'; value: (context: SettingsContext) => unknown }
  | { module: string; key: string; source: 'stored'; fallback: (context: SettingsContext) => unknown };

const fixed = (
  module: string,
  key: string,
  value: (context: SettingsContext) => unknown,
): SettingDefinition => ({
  module,
  key,
  source: 'fixed',
  value,
});
const stored = (
  module: string,
  key: string,
  fallback: (context: SettingsContext) => unknown,
): SettingDefinition => ({ module, key, source: 'stored', fallback });

export const CORE = 'core';
export const CALENDAR_MODULE = 'linagora.esn.calendar';
export const CONTACT_MODULE = 'linagora.esn.contact';
export const VIDEOCONFERENCE_MODULE = 'linagora.esn.videoconference';
export const CALENDAR_SETTINGS_MODULE = 'calendar';

export const SETTINGS_CATALOGUE: readonly SettingDefinition[] = [
  fixed(CORE, 'davserver', ({ dav }) => ({ frontend: { url: dav.url }, backend: { url: dav.url } })),
  fixed(CORE, 'allowDomainAdminToManageUserEmails', () => null),
  fixed(CORE, 'homePage', () => null),
  stored(CORE, 'language', ({ userDefaults }) => userDefaults.language),
  stored(CORE, 'datetime', ({ userDefaults, spa }) => ({
    timeZone: userDefaults.timeZone,
    use24hourFormat: spa.use24hourFormat,
  })),
  stored(CORE, 'businessHours', ({ spa }) => [
    { start: spa.businessHours.start, end: spa.businessHours.end, daysOfWeek: spa.businessHours.daysOfWeek },
  ]),
  fixed(CALENDAR_MODULE, 'features', ({ spa }) => ({ isSharingCalendarEnabled: spa.calendarSharingEnabled })),
  stored(CALENDAR_MODULE, 'workingDays', () => null),
  stored(CALENDAR_MODULE, 'hideDeclinedEvents', () => null),
  fixed(VIDEOCONFERENCE_MODULE, 'jitsiInstanceUrl', ({ visioUrl }) => visioUrl),
  fixed(VIDEOCONFERENCE_MODULE, 'openPaasVideoconferenceAppUrl', ({ visioUrl }) => visioUrl),
  fixed(CONTACT_MODULE, 'features', ({ spa }) => ({
    isVirtualFollowingAddressbookEnabled: false,
    isVirtualUserAddressbookEnabled: false,
    isSharingAddressbookEnabled: spa.contactsSharingEnabled,
    isDomainMembersAddressbookEnabled: spa.domainContactsEnabled,
  })),
  stored(CALENDAR_SETTINGS_MODULE, 'alarmEmails', () => true),
  stored(CALENDAR_SETTINGS_MODULE, 'displayWeekNumbers', () => true),
];

const BY_KEY = new Map(
  SETTINGS_CATALOGUE.map((definition) => [`${definition.module}\u0000${definition.key}`, definition]),
);

export const findSetting = (module: string, key: string): SettingDefinition | undefined =>
  BY_KEY.get(`${module}\u0000${key}`);

const KNOWN_MODULES: readonly { module: string; keys: string[] }[] = (() => {
  const modules = new Map<string, string[]>();
  for (const { module, key } of SETTINGS_CATALOGUE)
    modules.set(module, [...(modules.get(module) ?? []), key]);
  return [...modules].map(([module, keys]) => ({ module, keys }));
})();

/** Every module this service knows, with all its keys (`GET /api/user`): fresh copies of one list built once. */
export function knownModules(): { module: string; keys: string[] }[] {
  return KNOWN_MODULES.map(({ module, keys }) => ({ module, keys: [...keys] }));
}
