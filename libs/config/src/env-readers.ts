import { DurationUnit, parseDuration, parseIsoDuration, parseSize } from '@app/core';
import { splitList } from './env-validators';

/** Typed reads of variables that the validation step has already accepted. */
export type Env = Readonly<Record<string, string | undefined>>;

export const readString = (env: Env, name: string, fallback: string): string => env[name] ?? fallback;
export const readOptional = (env: Env, name: string): string | undefined => env[name];
export const readRequired = (env: Env, name: string): string => {
  const value = env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};
export const readBoolean = (env: Env, name: string, fallback: boolean): boolean =>
  env[name] === undefined ? fallback : env[name] === 'true';
export const readInt = (env: Env, name: string, fallback: number): number =>
  env[name] === undefined ? fallback : Number(env[name]);
export const readList = (env: Env, name: string, fallback: string[] = []): string[] =>
  env[name] === undefined ? fallback : splitList(env[name]);
export const readDurationMs = (env: Env, name: string, unit: DurationUnit, fallbackMs: number): number => {
  const value = env[name];
  if (value === undefined) return fallbackMs;
  return parseDuration(value, unit) ?? parseIsoDuration(value) ?? fallbackMs;
};
export const readSize = (env: Env, name: string, fallback: number): number =>
  env[name] === undefined ? fallback : (parseSize(env[name]) ?? fallback);
