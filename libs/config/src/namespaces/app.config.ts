import { IsDefined, IsOptional } from 'class-validator';
import { defineConfig } from '../config-definition';
import { IsBooleanText, IsDomainList, IsHttpUrl, IsOneOfText, IsPort } from '../env-validators';
import { readBoolean, readInt, readList, readOptional, readRequired, readString } from '../env-readers';

const required = { message: '$property is required' };
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

class AppEnv {
  @IsOptional() @IsPort() REST_API_PORT?: string;
  @IsOptional() REST_API_HOST?: string;
  @IsDefined(required) @IsHttpUrl() SELF_URL!: string;
  @IsDefined(required) @IsHttpUrl() SPA_CALENDAR_URL!: string;
  @IsDefined(required) @IsHttpUrl() SPA_CONTACTS_URL!: string;
  @IsDefined(required) @IsHttpUrl() SPA_EXCAL_URL!: string;
  @IsDefined(required) @IsHttpUrl() VISIO_URL!: string;
  @IsOptional() @IsHttpUrl() OPENPAAS_BACKEND_URL?: string;
  @IsOptional() @IsBooleanText() OPENPAAS_BACKEND_TRUST_ALL_CERTS?: string;
  @IsOptional() @IsDomainList() DOMAINS?: string;
  @IsOptional() @IsOneOfText(LOG_LEVELS) LOG_LEVEL?: string;
  @IsOptional() @IsBooleanText() LOG_PRETTY?: string;
  @IsOptional() @IsBooleanText() EXIT_ON_STARTUP_ERROR?: string;
}

export interface AppConfig {
  restApiPort: number;
  restApiHost: string;
  selfUrl: string;
  spaCalendarUrl: string;
  spaContactsUrl: string;
  spaExcalUrl: string;
  visioUrl: string;
  openpaasBackendUrl?: string;
  openpaasBackendTrustAllCerts: boolean;
  /** Domains created at start-up when missing. */
  domains: string[];
  logLevel: LogLevel;
  logPretty: boolean;
  exitOnStartupError: boolean;
}

export const appConfig = defineConfig('app', AppEnv, (env): AppConfig => ({
  restApiPort: readInt(env, 'REST_API_PORT', 8080),
  restApiHost: readString(env, 'REST_API_HOST', '0.0.0.0'),
  selfUrl: readRequired(env, 'SELF_URL'),
  spaCalendarUrl: readRequired(env, 'SPA_CALENDAR_URL'),
  spaContactsUrl: readRequired(env, 'SPA_CONTACTS_URL'),
  spaExcalUrl: readRequired(env, 'SPA_EXCAL_URL'),
  visioUrl: readRequired(env, 'VISIO_URL'),
  openpaasBackendUrl: readOptional(env, 'OPENPAAS_BACKEND_URL'),
  openpaasBackendTrustAllCerts: readBoolean(env, 'OPENPAAS_BACKEND_TRUST_ALL_CERTS', false),
  domains: readList(env, 'DOMAINS').map((domain) => domain.toLowerCase()),
  logLevel: readString(env, 'LOG_LEVEL', 'info') as LogLevel,
  logPretty: readBoolean(env, 'LOG_PRETTY', false),
  exitOnStartupError: readBoolean(env, 'EXIT_ON_STARTUP_ERROR', true),
}));
