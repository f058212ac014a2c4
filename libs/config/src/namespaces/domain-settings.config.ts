import { IsOptional } from 'class-validator';
import { defineConfig } from '../config-definition';
import { IsBooleanText, IsDomainList, IsOneOfText } from '../env-validators';
import { readBoolean, readList, readString } from '../env-readers';

export const CALENDAR_PUBLIC_VISIBILITIES = ['private', 'read'] as const;
export type CalendarPublicVisibility = (typeof CALENDAR_PUBLIC_VISIBILITIES)[number];

class DomainSettingsEnv {
  @IsOptional() @IsDomainList() USER_SEARCH_DISABLED_DOMAINS?: string;
  @IsOptional() @IsDomainList() USER_SEARCH_LIMITED_DOMAINS?: string;
  @IsOptional() @IsBooleanText() RESOURCE_SEARCH_ENABLED?: string;
  @IsOptional() @IsOneOfText(CALENDAR_PUBLIC_VISIBILITIES, true) DEFAULT_CALENDAR_PUBLIC_VISIBILITY?: string;
  @IsOptional() @IsBooleanText() CALENDAR_PUBLIC_VISIBILITY_SETTING_ENABLED?: string;
}

/**
 * Configured fallbacks of the per-domain settings (storage.md §13): used when the `domain_settings` document of a
 * domain does not set the field.
 */
export interface DomainSettingsConfig {
  /** Lower-case domain names whose users cannot be searched. */
  userSearchDisabledDomains: string[];
  /** Lower-case domain names whose users can only be found by their exact address. */
  userSearchLimitedDomains: string[];
  resourceSearchEnabled: boolean;
  defaultCalendarPublicVisibility: CalendarPublicVisibility;
  calendarPublicVisibilitySettingEnabled: boolean;
}

export const domainSettingsConfig = defineConfig(
  'domainSettings',
  DomainSettingsEnv,
  (env): DomainSettingsConfig => ({
    userSearchDisabledDomains: readList(env, 'USER_SEARCH_DISABLED_DOMAINS').map((d) => d.toLowerCase()),
    userSearchLimitedDomains: readList(env, 'USER_SEARCH_LIMITED_DOMAINS').map((d) => d.toLowerCase()),
    resourceSearchEnabled: readBoolean(env, 'RESOURCE_SEARCH_ENABLED', true),
    defaultCalendarPublicVisibility: readString(
      env,
      'DEFAULT_CALENDAR_PUBLIC_VISIBILITY',
      'private',
    ).toLowerCase() as CalendarPublicVisibility,
    calendarPublicVisibilitySettingEnabled: readBoolean(
      env,
      'CALENDAR_PUBLIC_VISIBILITY_SETTING_ENABLED',
      true,
    ),
  }),
);
