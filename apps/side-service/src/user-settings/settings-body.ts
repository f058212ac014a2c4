import { RestError } from '../http/rest-error';

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

const INVALID_BODY = 'Invalid request body';
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isName = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** `POST /api/configurations`: `[{"name": module, "keys": [key…]}]`. */
export function parseLookupBody(body: unknown): ModuleKeys[] {
  if (!Array.isArray(body)) throw new RestError(400, 'Expecting a JSON array');
  return body.map((item: unknown) => {
    if (!isObject(item) || !isName(item.name)) throw new RestError(400, INVALID_BODY);
    if (item.keys === undefined || item.keys === null) return { module: item.name };
    if (!Array.isArray(item.keys) || !item.keys.every((key) => typeof key === 'string'))
      throw new RestError(400, INVALID_BODY);
    return { module: item.name, keys: item.keys as string[] };
  });
}

/**
 * `PUT`/`PATCH /api/configurations`: `[{"name": module, "configurations": [{"name": key, "value": any}]}]`. Names
 * must be non-blank and every entry must carry a `value` (which may be `null`); else `Invalid request body`.
 */
export function parseEntriesBody(body: unknown): SettingEntry[] {
  if (!Array.isArray(body)) throw new RestError(400, INVALID_BODY);
  const entries: SettingEntry[] = [];
  for (const item of body as unknown[]) {
    if (!isObject(item) || !isName(item.name) || !Array.isArray(item.configurations))
      throw new RestError(400, INVALID_BODY);
    for (const entry of item.configurations as unknown[]) {
      if (!isObject(entry) || !isName(entry.name) || !Object.prototype.hasOwnProperty.call(entry, 'value'))
        throw new RestError(400, INVALID_BODY);
      entries.push({ module: item.name, key: entry.name, value: entry.value });
    }
  }
  return entries;
}

/** Later entries for the same (module, key) replace earlier ones; first-seen order is kept. */
export function mergeEntries(base: SettingEntry[], changes: SettingEntry[]): SettingEntry[] {
  const merged = new Map<string, SettingEntry>();
  for (const entry of [...base, ...changes]) merged.set(`${entry.module}\u0000${entry.key}`, entry);
  return [...merged.values()];
}
