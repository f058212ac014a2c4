import { IsOptional } from 'class-validator';
import { defineConfig } from '../config-definition';
import { IsBooleanText, IsIntText, IsUrlListWithScheme } from '../env-validators';
import { readBoolean, readInt, readList, readOptional, readString } from '../env-readers';

class LdapEnv {
  @IsOptional() @IsUrlListWithScheme('ldap', 'ldaps') LDAP_URL?: string;
  @IsOptional() LDAP_BIND_DN?: string;
  @IsOptional() LDAP_BIND_PASSWORD?: string;
  @IsOptional() LDAP_USER_BASE?: string;
  @IsOptional() LDAP_USER_LIST_BASE?: string;
  @IsOptional() LDAP_USER_OBJECT_CLASS?: string;
  @IsOptional() LDAP_USER_ID_ATTRIBUTE?: string;
  @IsOptional() LDAP_FILTER?: string;
  @IsOptional() @IsIntText(0) LDAP_CONNECTION_TIMEOUT?: string;
  @IsOptional() @IsIntText(0) LDAP_READ_TIMEOUT?: string;
  @IsOptional() @IsIntText(1) LDAP_POOL_SIZE?: string;
  @IsOptional() @IsBooleanText() LDAP_TRUST_ALL_CERTS?: string;
  @IsOptional() LDAP_ADMINISTRATOR_ID?: string;
}

export interface LdapConfig {
  urls: string[];
  bindDn?: string;
  bindPassword?: string;
  userBase: string;
  userListBase: string;
  userObjectClass: string;
  userIdAttribute: string;
  filter?: string;
  connectionTimeoutMs: number;
  readTimeoutMs: number;
  poolSize: number;
  trustAllCerts: boolean;
  administratorId?: string;
}

/** `undefined` when LDAP is not configured (no LDAP_URL). */
export const ldapConfig = defineConfig('ldap', LdapEnv, (env): LdapConfig | undefined => {
  if (!env.LDAP_URL) return undefined;
  const userBase = readString(env, 'LDAP_USER_BASE', '');
  return {
    urls: readList(env, 'LDAP_URL'),
    bindDn: readOptional(env, 'LDAP_BIND_DN'),
    bindPassword: readOptional(env, 'LDAP_BIND_PASSWORD'),
    userBase,
    userListBase: readString(env, 'LDAP_USER_LIST_BASE', userBase),
    userObjectClass: readString(env, 'LDAP_USER_OBJECT_CLASS', ''),
    userIdAttribute: readString(env, 'LDAP_USER_ID_ATTRIBUTE', ''),
    filter: readOptional(env, 'LDAP_FILTER'),
    connectionTimeoutMs: readInt(env, 'LDAP_CONNECTION_TIMEOUT', 0),
    readTimeoutMs: readInt(env, 'LDAP_READ_TIMEOUT', 0),
    poolSize: readInt(env, 'LDAP_POOL_SIZE', 4),
    trustAllCerts: readBoolean(env, 'LDAP_TRUST_ALL_CERTS', false),
    administratorId: readOptional(env, 'LDAP_ADMINISTRATOR_ID'),
  };
});

export function ldapCrossChecks(env: Readonly<Record<string, string | undefined>>): string[] {
  if (!env.LDAP_URL) return [];
  return ['LDAP_USER_BASE', 'LDAP_USER_OBJECT_CLASS', 'LDAP_USER_ID_ATTRIBUTE']
    .filter((name) => !env[name])
    .map((name) => `${name} is required when LDAP_URL is set`);
}
