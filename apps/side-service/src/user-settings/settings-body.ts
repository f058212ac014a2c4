import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsOptional,
  IsString,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { RestError } from '../http/rest-error';
import { InvalidBodyAs } from '../http/validation/invalid-body-as';
import { RawJson } from '../http/validation/raw-json';

/** Keys asked of one module; `undefined` keys mean every key this service knows in that module. */
export interface ModuleKeys {
  module: string;
  keys?: string[];
}

/** One module of an answer, in the OpenPaaS shape. */
export interface ModuleSettings {
  name: string;
  configurations: { name: string; value: unknown }[];
}

export interface SettingEntry {
  module: string;
  key: string;
  value: unknown;
}

export const INVALID_CONFIGURATIONS_BODY = 'Invalid request body';

/** Every refusal of a `/api/configurations` body item answers `Invalid request body` (rest-api.md §5.3). */
export const InvalidConfigurationsBody = () =>
  InvalidBodyAs(() => new RestError(400, INVALID_CONFIGURATIONS_BODY));

/** A module or key name: a string that is not blank (kept as sent). */
const Name = (): PropertyDecorator => (target, key) => {
  ApiProperty({ example: 'core' })(target, key);
  Matches(/\S/)(target, key);
  IsString()(target, key);
};

/** `POST /api/configurations` item: `{"name": module, "keys": [key…]}`; no `keys` (or null) means every known key. */
@InvalidConfigurationsBody()
export class ModuleKeysRequestDto {
  @Name() name!: string;
  @ApiPropertyOptional({ type: [String], nullable: true, example: ['language', 'datetime'] })
  @IsString({ each: true })
  @IsArray()
  @IsOptional()
  keys?: string[] | null;
}

/** The modules and keys of a checked lookup body. */
export const toModuleKeys = (body: ModuleKeysRequestDto[]): ModuleKeys[] =>
  body.map(({ name, keys }) => (keys ? { module: name, keys } : { module: name }));

export class ConfigurationEntryRequestDto {
  @Name() name!: string;
  /** Required, `null` included. */
  @RawJson('Any JSON value, null included')
  @IsDefined()
  @ValidateIf((_entry: object, value: unknown) => value !== null)
  value!: unknown;
}

/** `PUT`/`PATCH /api/configurations` item: `{"name": module, "configurations": [{"name": key, "value": any}]}`. */
@InvalidConfigurationsBody()
export class ModuleConfigurationsRequestDto {
  @Name() name!: string;
  @ApiProperty({ type: [ConfigurationEntryRequestDto] })
  @ValidateNested({ each: true })
  @Type(() => ConfigurationEntryRequestDto)
  @IsArray()
  configurations!: ConfigurationEntryRequestDto[];
}

/** Deepest nesting of objects and arrays a stored value may have. */
export const MAX_VALUE_DEPTH = 32;
/** Largest stored value, as JSON text. */
export const MAX_VALUE_BYTES = 64 * 1024;

/**
 * Why MongoDB (or FerretDB) could not store this value as a document field, or `undefined` when it can: too
 * deep, too large, an array directly inside an array, an object key starting with `$`, containing `.` or NUL, or
 * empty.
 */
export function unstorableValueReason(value: unknown): string | undefined {
  const visit = (node: unknown, depth: number, inArray: boolean): string | undefined => {
    if (node === null || typeof node !== 'object') return undefined;
    if (depth > MAX_VALUE_DEPTH) return `nested more than ${MAX_VALUE_DEPTH} levels deep`;
    if (Array.isArray(node)) {
      if (inArray) return 'arrays directly inside arrays cannot be stored';
      for (const item of node) {
        const reason = visit(item, depth + 1, true);
        if (reason) return reason;
      }
      return undefined;
    }
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
      if (key === '' || key.startsWith('$') || key.includes('.') || key.includes('\u0000'))
        return `invalid key ${JSON.stringify(key)}: keys must be non-empty, not start with $ nor contain . or NUL`;
      const reason = visit(child, depth + 1, false);
      if (reason) return reason;
    }
    return undefined;
  };
  const reason = visit(value, 1, false);
  if (reason) return reason;
  if (Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8') > MAX_VALUE_BYTES)
    return `larger than ${MAX_VALUE_BYTES} bytes`;
  return undefined;
}

/**
 * The entries of a checked `PUT`/`PATCH` body; a value the database cannot store is refused
 * (`Invalid value of <module>.<key>: <reason>`, `unstorableValueReason`).
 */
export function toSettingEntries(body: ModuleConfigurationsRequestDto[]): SettingEntry[] {
  return body.flatMap(({ name: module, configurations }) =>
    configurations.map(({ name: key, value }) => {
      const unstorable = unstorableValueReason(value);
      if (unstorable) throw new RestError(400, `Invalid value of ${module}.${key}: ${unstorable}`);
      return { module, key, value };
    }),
  );
}

/** Later entries for the same (module, key) replace earlier ones; first-seen order is kept. */
export function mergeEntries(base: SettingEntry[], changes: SettingEntry[]): SettingEntry[] {
  const merged = new Map<string, SettingEntry>();
  for (const entry of [...base, ...changes]) merged.set(`${entry.module}\u0000${entry.key}`, entry);
  return [...merged.values()];
}
