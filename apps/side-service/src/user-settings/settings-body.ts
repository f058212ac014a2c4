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
 * `PUT`/`PATCH /api/configurations`: `[{"name": module, "configurations": [{"name": key, "value": any}]}]`. Names
 * must be non-blank and every entry must carry a `value` (which may be `null`); else `Invalid request body`. A value
 * the database cannot store is refused too (`unstorableValueReason`).
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
      const unstorable = unstorableValueReason(entry.value);
      if (unstorable) throw new RestError(400, `Invalid value of ${item.name}.${entry.name}: ${unstorable}`);
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
