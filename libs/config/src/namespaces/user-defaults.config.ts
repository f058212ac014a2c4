import { IsOptional, registerDecorator } from 'class-validator';
import { defineConfig } from '../config-definition';
import { readString } from '../env-readers';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time-zone id known to the runtime (`Europe/Paris`, `UTC`). */
const IsTimeZoneText = (): PropertyDecorator => (target: object, propertyName: string | symbol) =>
  registerDecorator({
    name: 'isTimeZoneText',
    target: target.constructor,
    propertyName: propertyName.toString(),
    options: { message: '$property must be an IANA time zone such as Europe/Paris' },
    validator: { validate: (value: unknown) => typeof value === 'string' && isTimeZone(value) },
  });

class UserDefaultsEnv {
  @IsOptional() DEFAULT_LANGUAGE?: string;
  @IsOptional() @IsTimeZoneText() DEFAULT_TIMEZONE?: string;
}

/** Values used for a known user who has not chosen one (storage.md §5); never written back. */
export interface UserDefaultsConfig {
  language: string;
  timeZone: string;
}

export const userDefaultsConfig = defineConfig(
  'userDefaults',
  UserDefaultsEnv,
  (env): UserDefaultsConfig => ({
    language: readString(env, 'DEFAULT_LANGUAGE', 'en'),
    timeZone: readString(env, 'DEFAULT_TIMEZONE', 'Europe/Paris'),
  }),
);
