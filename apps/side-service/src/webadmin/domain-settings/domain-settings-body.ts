import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, ValidateIf } from 'class-validator';
import {
  DomainSettings,
  PUBLIC_VISIBILITIES,
  USER_SEARCH_MODES,
  type PublicVisibility,
  type UserSearchMode,
} from '@app/persistence';
import { StrictBody } from '../../http/validation/strict-body';
import { WebadminError } from '../http/webadmin-error';

const FIELDS = [
  'userSearchMode',
  'resourceSearchEnabled',
  'defaultCalendarPublicVisibility',
  'calendarPublicVisibilitySettingEnabled',
] as const satisfies readonly (keyof DomainSettings)[];

type Field = (typeof FIELDS)[number];

const invalid = (key: string | symbol, value: unknown) =>
  `Invalid value for '${String(key)}': ${JSON.stringify(value)}`;

/**
 * A setting of the PUT body: present (a missing one is a shape error), `null` to clear, else a value checked by
 * `check`. The PATCH body (`PartialType`) makes it optional.
 */
const Setting =
  (apiType: { enum: readonly string[] } | { type: 'boolean' }, check: PropertyDecorator): PropertyDecorator =>
  (target, key) => {
    ApiProperty({ ...apiType, nullable: true, description: 'null: use the configuration' })(target, key);
    check(target, key);
    IsDefined({ message: `'${String(key)}' is required` })(target, key);
    ValidateIf((_body: object, value: unknown) => value !== null)(target, key);
  };

/** One of `values`, matched case-insensitively around spaces and kept lower-case. */
const EnumSetting = (values: readonly string[]): PropertyDecorator => {
  const known = (value: unknown) => typeof value === 'string' && values.includes(value.trim().toLowerCase());
  return (target, key) => {
    Setting(
      { enum: values },
      IsIn(values, {
        message: ({ value }) => `${invalid(key, value)}. Supported values are: ${values.join(', ')}`,
      }),
    )(target, key);
    Transform(({ value }: { value: unknown }) =>
      known(value) ? (value as string).trim().toLowerCase() : value,
    )(target, key);
  };
};

const BooleanSetting = (): PropertyDecorator => (target, key) =>
  Setting(
    { type: 'boolean' },
    IsBoolean({ message: ({ value }) => `${invalid(key, value)}; a boolean is expected` }),
  )(target, key);

/** PUT body (webadmin.md §6.3, strict): the four overrides, all required; `null` clears one. */
@StrictBody()
export class ReplaceDomainSettingsRequestDto {
  @EnumSetting(USER_SEARCH_MODES) userSearchMode!: UserSearchMode | null;
  @BooleanSetting() resourceSearchEnabled!: boolean | null;
  @EnumSetting(PUBLIC_VISIBILITIES) defaultCalendarPublicVisibility!: PublicVisibility | null;
  @BooleanSetting() calendarPublicVisibilitySettingEnabled!: boolean | null;
}

/** PATCH body (strict): any non-empty subset; a value sets, `null` clears, an absent field is kept. */
@StrictBody()
export class PatchDomainSettingsRequestDto extends PartialType(ReplaceDomainSettingsRequestDto) {}

export interface SettingsChange {
  set: DomainSettings;
  unset: Field[];
}

/** The change a checked body describes; a PATCH body without any setting is refused as a shape error. */
export function toSettingsChange(body: PatchDomainSettingsRequestDto): SettingsChange {
  const change: SettingsChange = { set: {}, unset: [] };
  for (const field of FIELDS) {
    const value = body[field];
    if (value === null) change.unset.push(field);
    else if (value !== undefined) Object.assign(change.set, { [field]: value });
  }
  if (Object.keys(change.set).length === 0 && change.unset.length === 0)
    throw WebadminError.invalidJson('at least one setting is expected');
  return change;
}

export { FIELDS as DOMAIN_SETTINGS_FIELDS };
