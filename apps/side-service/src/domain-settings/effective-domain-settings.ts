import type { PublicVisibility, UserSearchMode } from '@app/persistence';

/** A domain's settings once resolved: stored value, else configuration, else built-in default. */
export interface EffectiveDomainSettings {
  userSearchMode: UserSearchMode;
  resourceSearchEnabled: boolean;
  defaultCalendarPublicVisibility: PublicVisibility;
  calendarPublicVisibilitySettingEnabled: boolean;
}
