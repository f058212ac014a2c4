import { IsOptional } from 'class-validator';
import { defineConfig } from '../config-definition';
import { IsBooleanText } from '../env-validators';
import { readBoolean, readList, readString } from '../env-readers';
import { IsDaysOfWeekText, IsHourMinuteText } from './spa-settings.validators';

class SpaSettingsEnv {
  @IsOptional() @IsBooleanText() DEFAULT_USE_24H_FORMAT?: string;
  @IsOptional() @IsHourMinuteText() DEFAULT_BUSINESS_HOURS_START?: string;
  @IsOptional() @IsHourMinuteText() DEFAULT_BUSINESS_HOURS_END?: string;
  @IsOptional() @IsDaysOfWeekText() DEFAULT_BUSINESS_HOURS_DAYS?: string;
  @IsOptional() @IsBooleanText() CALENDAR_SHARING_ENABLED?: string;
  @IsOptional() @IsBooleanText() CONTACTS_SHARING_ENABLED?: string;
  @IsOptional() @IsBooleanText() DOMAIN_CONTACTS_ENABLED?: string;
  @IsOptional() @IsBooleanText() TWP_SETTINGS_ENABLED?: string;
}

/**
 * What the SPAs read through `/api/configurations` besides the language and time zone (`userDefaults`): the
 * remaining defaults of user settings and the feature flags (rest-api.md §5.3). Defaults are never written back.
 */
export interface SpaSettingsConfig {
  use24hourFormat: boolean;
  businessHours: { start: string; end: string; daysOfWeek: number[] };
  calendarSharingEnabled: boolean;
  contactsSharingEnabled: boolean;
  domainContactsEnabled: boolean;
  /** `core.language` is owned by Twake Workplace and read-only through the REST API. */
  twpSettingsEnabled: boolean;
}

export const spaSettingsConfig = defineConfig('spaSettings', SpaSettingsEnv, (env): SpaSettingsConfig => ({
  use24hourFormat: readBoolean(env, 'DEFAULT_USE_24H_FORMAT', true),
  businessHours: {
    start: readString(env, 'DEFAULT_BUSINESS_HOURS_START', '8:0'),
    end: readString(env, 'DEFAULT_BUSINESS_HOURS_END', '19:0'),
    daysOfWeek: readList(env, 'DEFAULT_BUSINESS_HOURS_DAYS', ['1', '2', '3', '4', '5']).map(Number),
  },
  calendarSharingEnabled: readBoolean(env, 'CALENDAR_SHARING_ENABLED', true),
  contactsSharingEnabled: readBoolean(env, 'CONTACTS_SHARING_ENABLED', true),
  domainContactsEnabled: readBoolean(env, 'DOMAIN_CONTACTS_ENABLED', true),
  twpSettingsEnabled: readBoolean(env, 'TWP_SETTINGS_ENABLED', false),
}));
