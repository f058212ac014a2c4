import { ConfigObject, registerAs } from '@nestjs/config';
import { Env } from './env-readers';

type EnvSchema = new () => object;

/** One configuration namespace: the class-validator schema of its variables and the typed value built from them. */
export interface ConfigDefinition<K extends string = string, T = unknown> {
  readonly key: K;
  readonly schema: EnvSchema;
  readonly read: (env: Env) => T;
  readonly factory: ReturnType<typeof registerAs<ConfigObject>>;
}

/** Variables set to the empty string count as unset. */
export function cleanEnv(env: NodeJS.ProcessEnv | Record<string, unknown>): Env {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (typeof value === 'string' && value.trim() !== '') out[name] = value.trim();
  }
  return out;
}

export function defineConfig<K extends string, T>(
  key: K,
  schema: EnvSchema,
  read: (env: Env) => T,
): ConfigDefinition<K, T> {
  // A namespace may be `undefined` (component not configured); the typed view is `AllConfig`.
  const factory = registerAs(key, () => read(cleanEnv(process.env)) as unknown as ConfigObject);
  return { key, schema, read, factory };
}
