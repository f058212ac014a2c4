import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  DomainSettings,
  PUBLIC_VISIBILITIES,
  USER_SEARCH_MODES,
  type PublicVisibility,
  type UserSearchMode,
} from '@app/persistence';
import { WebadminError } from '../http/webadmin-error';

const FIELDS = [
  'userSearchMode',
  'resourceSearchEnabled',
  'defaultCalendarPublicVisibility',
  'calendarPublicVisibilitySettingEnabled',
] as const satisfies readonly (keyof DomainSettings)[];

type Field = (typeof FIELDS)[number];

/** The four overrides; `null` (or absent on PATCH) means "use the configuration". */
export class DomainSettingsDto {
  @ApiPropertyOptional({ enum: USER_SEARCH_MODES, nullable: true }) userSearchMode?: string | null;
  @ApiPropertyOptional({ nullable: true }) resourceSearchEnabled?: boolean | null;
  @ApiPropertyOptional({ enum: PUBLIC_VISIBILITIES, nullable: true }) defaultCalendarPublicVisibility?:
    string | null;
  @ApiPropertyOptional({ nullable: true }) calendarPublicVisibilitySettingEnabled?: boolean | null;
}

export interface SettingsChange {
  set: DomainSettings;
  unset: Field[];
}

function enumValue<T extends string>(field: Field, values: readonly T[], value: unknown): T {
  const lower = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (lower === undefined || !(values as readonly string[]).includes(lower))
    throw WebadminError.invalidUserRequest(
      `Invalid value for '${field}': ${JSON.stringify(value)}. Supported values are: ${values.join(', ')}`,
    );
  return lower as T;
}

function booleanValue(field: Field, value: unknown): boolean {
  if (typeof value !== 'boolean')
    throw WebadminError.invalidUserRequest(
      `Invalid value for '${field}': ${JSON.stringify(value)}; a boolean is expected`,
    );
  return value;
}

/**
 * Strict parsing of a settings body (webadmin.md §6.3): a JSON object of the four known fields only. PUT requires
 * all four (`null` clears one); PATCH any non-empty subset. Enums are matched case-insensitively.
 */
export function parseSettingsBody(body: unknown, mode: 'replace' | 'patch'): SettingsChange {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw WebadminError.invalidJson('a JSON object is expected');
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) throw WebadminError.invalidJson(`unknown properties: ${unknown.join(', ')}`);
  if (mode === 'replace') {
    const missing = FIELDS.filter((field) => !(field in record));
    if (missing.length > 0) throw WebadminError.invalidJson(`missing properties: ${missing.join(', ')}`);
  } else if (Object.keys(record).length === 0)
    throw WebadminError.invalidJson('at least one setting is expected');
  const change: SettingsChange = { set: {}, unset: [] };
  for (const field of FIELDS) {
    if (!(field in record)) continue;
    const value = record[field];
    if (value === null) {
      change.unset.push(field);
      continue;
    }
    if (field === 'userSearchMode')
      change.set.userSearchMode = enumValue<UserSearchMode>(field, USER_SEARCH_MODES, value);
    else if (field === 'defaultCalendarPublicVisibility')
      change.set.defaultCalendarPublicVisibility = enumValue<PublicVisibility>(
        field,
        PUBLIC_VISIBILITIES,
        value,
      );
    else change.set[field] = booleanValue(field, value);
  }
  return change;
}

export { FIELDS as DOMAIN_SETTINGS_FIELDS };
