import { ConfigurationEntry } from './configuration';
import { MalformedConfigurationError } from './configuration.errors';
import { ConfigurationDocument } from './configuration.schema';

function plain(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const bson = value as { _bsontype?: string; toString(): string; toNumber?: () => number };
    if (bson._bsontype === 'ObjectId') return bson.toString();
    if (bson._bsontype === 'Long' && bson.toNumber) return bson.toNumber();
    if (bson._bsontype === 'Double' || bson._bsontype === 'Int32') return Number(bson.toString());
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
  }
  return value;
}

export const ConfigurationMapper = {
  /** Flattens the modules into entries; strict, as the original: missing names or values are errors. */
  toEntries(document: Pick<ConfigurationDocument, 'modules'>): ConfigurationEntry[] {
    const entries: ConfigurationEntry[] = [];
    for (const module of document.modules ?? []) {
      if (typeof module?.name !== 'string' || !Array.isArray(module.configurations))
        throw new MalformedConfigurationError('a module lacks its name or its configurations');
      for (const entry of module.configurations) {
        if (typeof entry?.name !== 'string' || !Object.prototype.hasOwnProperty.call(entry, 'value'))
          throw new MalformedConfigurationError(
            `an entry of module ${module.name} lacks its name or its value`,
          );
        entries.push({ module: module.name, key: entry.name, value: plain(entry.value) });
      }
    }
    return entries;
  },

  /** Entries grouped by module, modules and keys in their first-seen order. */
  toModules(
    entries: ConfigurationEntry[],
  ): { name: string; configurations: { name: string; value: unknown }[] }[] {
    const modules = new Map<string, { name: string; value: unknown }[]>();
    for (const entry of entries) {
      const configurations = modules.get(entry.module) ?? [];
      configurations.push({ name: entry.key, value: entry.value ?? null });
      modules.set(entry.module, configurations);
    }
    return [...modules].map(([name, configurations]) => ({ name, configurations }));
  },
};
