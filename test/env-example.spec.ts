import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import {
  ALL_CONFIGS,
  CROSS_CHECKS,
  ConfigDefinition,
  ConfigurationError,
  validateEnvironment,
} from '@app/config';

const ACTIVE = /^([A-Z][A-Z0-9_]*)=(.*)$/;
const COMMENTED = /^#\s*([A-Z][A-Z0-9_]*)=(.*)$/;

interface Entry {
  name: string;
  value: string;
  active: boolean;
}

function parseEnvExample(text: string): Entry[] {
  const entries: Entry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const active = ACTIVE.exec(line);
    const commented = active ? null : COMMENTED.exec(line);
    const match = active ?? commented;
    if (match) entries.push({ name: match[1]!, value: match[2]!.trim(), active: active !== null });
  }
  return entries;
}

function declaredNames(definitions: readonly ConfigDefinition[]): string[] {
  const storage = getMetadataStorage();
  return definitions.flatMap((definition) =>
    storage
      .getTargetValidationMetadatas(definition.schema, '', true, false)
      .map((metadata) => metadata.propertyName),
  );
}

const definitions = ALL_CONFIGS as readonly ConfigDefinition[];
const entries = parseEnvExample(readFileSync(join(__dirname, '..', '.env.example'), 'utf8'));
const activeEnv = Object.fromEntries(
  entries.filter((entry) => entry.active).map((entry) => [entry.name, entry.value]),
);

describe('.env.example', () => {
  it('lists both active and commented variables', () => {
    expect(entries.filter((entry) => entry.active).map((entry) => entry.name)).toContain('MONGO_URL');
    expect(entries.filter((entry) => !entry.active).map((entry) => entry.name)).toContain('REDIS_URL');
  });

  it('lists each variable once', () => {
    const names = entries.map((entry) => entry.name);
    const duplicates = names.filter((name, index) => names.indexOf(name) !== index);
    expect(duplicates).toEqual([]);
  });

  it('lists exactly the variables declared by the configuration namespaces', () => {
    const declared = new Set(declaredNames(definitions));
    const listed = new Set(entries.map((entry) => entry.name));
    expect(declared.size).toBeGreaterThan(50);
    expect([...listed].filter((name) => !declared.has(name)).sort()).toEqual([]);
    expect([...declared].filter((name) => !listed.has(name)).sort()).toEqual([]);
  });

  it('activates exactly the required variables (an empty environment reports each of them)', () => {
    let error: unknown;
    try {
      validateEnvironment(definitions, {}, CROSS_CHECKS);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const missing = (error as ConfigurationError).problems
      .map((problem) => /^([A-Z][A-Z0-9_]*) is required$/.exec(problem)?.[1])
      .filter((name): name is string => name !== undefined);
    expect(Object.keys(activeEnv).sort()).toEqual(missing.sort());
  });

  it('has active lines that form a valid configuration', () => {
    expect(() => validateEnvironment(definitions, activeEnv, CROSS_CHECKS)).not.toThrow();
  });

  it('has commented values that are valid too when all are enabled', () => {
    const everything = Object.fromEntries(entries.map((entry) => [entry.name, entry.value]));
    expect(() => validateEnvironment(definitions, everything, CROSS_CHECKS)).not.toThrow();
  });

  it('points the required services at the local stack', () => {
    expect(activeEnv).toMatchObject({
      MONGO_URL: 'mongodb://127.0.0.1:27018',
      RABBITMQ_URI: 'amqp://guest:guest@127.0.0.1:5673',
      RABBITMQ_MANAGEMENT_URI: 'http://127.0.0.1:15673',
      RABBITMQ_MANAGEMENT_USER: 'guest',
      RABBITMQ_MANAGEMENT_PASSWORD: 'guest',
      DAV_URL: 'http://127.0.0.1:5232',
    });
  });
});
