export const USER_SEARCH_MODES = ['enabled', 'limited', 'disabled'] as const;
export type UserSearchMode = (typeof USER_SEARCH_MODES)[number];

export const PUBLIC_VISIBILITIES = ['private', 'read'] as const;
export type PublicVisibility = (typeof PUBLIC_VISIBILITIES)[number];

/** Per-domain overrides (storage.md §13): each field absent falls back to the configuration. */
export interface DomainSettings {
  userSearchMode?: UserSearchMode;
  resourceSearchEnabled?: boolean;
  defaultCalendarPublicVisibility?: PublicVisibility;
  calendarPublicVisibilitySettingEnabled?: boolean;
}
