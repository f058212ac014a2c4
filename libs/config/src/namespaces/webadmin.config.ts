import { IsOptional } from 'class-validator';
import { defineConfig } from '../config-definition';
import { IsBooleanText, IsPort } from '../env-validators';
import { readBoolean, readInt, readList, readOptional, readString } from '../env-readers';

class WebadminEnv {
  @IsOptional() @IsBooleanText() WEBADMIN_ENABLED?: string;
  @IsOptional() @IsPort() WEBADMIN_PORT?: string;
  @IsOptional() WEBADMIN_HOST?: string;
  @IsOptional() @IsBooleanText() WEBADMIN_TLS_ENABLED?: string;
  @IsOptional() WEBADMIN_TLS_KEY_PATH?: string;
  @IsOptional() WEBADMIN_TLS_CERT_PATH?: string;
  @IsOptional() @IsBooleanText() WEBADMIN_CORS_ENABLED?: string;
  @IsOptional() WEBADMIN_CORS_ORIGIN?: string;
  @IsOptional() @IsBooleanText() WEBADMIN_JWT_ENABLED?: string;
  @IsOptional() WEBADMIN_JWT_PUBLIC_KEY_PATH?: string;
  @IsOptional() WEBADMIN_PASSWORD?: string;
  @IsOptional() WEBADMIN_PASSWORD_READONLY?: string;
  @IsOptional() WEBADMIN_PASSWORD_NODELETE?: string;
  @IsOptional() @IsBooleanText() WEBADMIN_PASSWORD_GENERATE?: string;
}

export interface WebadminConfig {
  enabled: boolean;
  port: number;
  host: string;
  tls?: { keyPath: string; certPath: string };
  cors?: { origin: string };
  jwt?: { publicKeyPath: string };
  passwords: { full: string[]; readOnly: string[]; noDelete: string[] };
  generatePassword: boolean;
}

export const webadminConfig = defineConfig('webadmin', WebadminEnv, (env): WebadminConfig => ({
  enabled: readBoolean(env, 'WEBADMIN_ENABLED', true),
  port: readInt(env, 'WEBADMIN_PORT', 8000),
  host: readString(env, 'WEBADMIN_HOST', '127.0.0.1'),
  tls: readBoolean(env, 'WEBADMIN_TLS_ENABLED', false)
    ? { keyPath: env.WEBADMIN_TLS_KEY_PATH ?? '', certPath: env.WEBADMIN_TLS_CERT_PATH ?? '' }
    : undefined,
  cors: readBoolean(env, 'WEBADMIN_CORS_ENABLED', false)
    ? { origin: readString(env, 'WEBADMIN_CORS_ORIGIN', '*') }
    : undefined,
  jwt: readBoolean(env, 'WEBADMIN_JWT_ENABLED', false)
    ? { publicKeyPath: readOptional(env, 'WEBADMIN_JWT_PUBLIC_KEY_PATH') ?? '' }
    : undefined,
  passwords: {
    full: readList(env, 'WEBADMIN_PASSWORD'),
    readOnly: readList(env, 'WEBADMIN_PASSWORD_READONLY'),
    noDelete: readList(env, 'WEBADMIN_PASSWORD_NODELETE'),
  },
  generatePassword: readBoolean(env, 'WEBADMIN_PASSWORD_GENERATE', false),
}));

/** Rules spanning several webadmin variables. */
export function webadminCrossChecks(env: Readonly<Record<string, string | undefined>>): string[] {
  const problems: string[] = [];
  if (env.WEBADMIN_JWT_ENABLED === 'true' && !env.WEBADMIN_JWT_PUBLIC_KEY_PATH)
    problems.push('WEBADMIN_JWT_PUBLIC_KEY_PATH is required when WEBADMIN_JWT_ENABLED is true');
  if (env.WEBADMIN_TLS_ENABLED === 'true' && (!env.WEBADMIN_TLS_KEY_PATH || !env.WEBADMIN_TLS_CERT_PATH))
    problems.push(
      'WEBADMIN_TLS_KEY_PATH and WEBADMIN_TLS_CERT_PATH are required when WEBADMIN_TLS_ENABLED is true',
    );
  return problems;
}
