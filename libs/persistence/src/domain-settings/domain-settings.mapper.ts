import {
  DomainSettings,
  PUBLIC_VISIBILITIES,
  PublicVisibility,
  USER_SEARCH_MODES,
  UserSearchMode,
} from './domain-settings';
import { DomainSettingsDocument } from './domain-settings.schema';

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.trim().toLowerCase();
  return (values as readonly string[]).includes(lower) ? (lower as T) : undefined;
}

const flag = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

const FIELDS = [
  'userSearchMode',
  'resourceSearchEnabled',
  'defaultCalendarPublicVisibility',
  'calendarPublicVisibilitySettingEnabled',
] as const;

export const DomainSettingsMapper = {
  FIELDS,

  toDomain(document: Partial<DomainSettingsDocument>): DomainSettings {
    const settings: DomainSettings = {
      userSearchMode: oneOf<UserSearchMode>(USER_SEARCH_MODES, document.userSearchMode),
      resourceSearchEnabled: flag(document.resourceSearchEnabled),
      defaultCalendarPublicVisibility: oneOf<PublicVisibility>(
        PUBLIC_VISIBILITIES,
        document.defaultCalendarPublicVisibility,
      ),
      calendarPublicVisibilitySettingEnabled: flag(document.calendarPublicVisibilitySettingEnabled),
    };
    for (const field of FIELDS) if (settings[field] === undefined) delete settings[field];
    return settings;
  },
};
