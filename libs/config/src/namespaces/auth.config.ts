import { IsDefined, IsOptional, Matches } from 'class-validator';
import { defineConfig } from '../config-definition';
import { IsBooleanText, IsDurationText, IsHttpUrl, IsIntText, IsMailAddressText } from '../env-validators';
import {
  readBoolean,
  readDurationMs,
  readInt,
  readList,
  readOptional,
  readRequired,
  readString,
} from '../env-readers';

const required = { message: '$property is required' };

class AuthEnv {
  @IsDefined(required) @IsMailAddressText() ADMIN_USERNAME!: string;
  @IsDefined(required) @Matches(/\S/, { message: '$property must not be blank' }) ADMIN_PASSWORD!: string;
  @IsOptional() @IsBooleanText() BASIC_AUTH_ENABLED?: string;
  @IsOptional() JWT_PRIVATE_KEY_PATH?: string;
  @IsOptional() JWT_PUBLIC_KEY_PATHS?: string;
  @IsOptional() @IsDurationText('ms', { positive: true }) JWT_VALIDITY?: string;
  @IsOptional() TECHNICAL_TOKEN_SECRET?: string;
  @IsOptional() @IsIntText(1) TECHNICAL_TOKEN_EXPIRATION_SECONDS?: string;
  @IsOptional() @IsHttpUrl() OIDC_USERINFO_URL?: string;
  @IsOptional() @IsHttpUrl() OIDC_INTROSPECT_URL?: string;
  @IsOptional() OIDC_INTROSPECT_CREDENTIALS?: string;
  @IsOptional() OIDC_CLAIM?: string;
  @IsOptional() OIDC_AUDIENCE?: string;
  @IsOptional() @IsDurationText('ms', { positive: true }) OIDC_TOKEN_CACHE_EXPIRATION?: string;
  @IsOptional() @IsIntText(1) OIDC_TOKEN_CACHE_MAX_SIZE?: string;
  @IsOptional() @IsBooleanText() OIDC_USER_PROVISIONING_ENABLED?: string;
  @IsOptional() OIDC_ISSUER?: string;
  @IsOptional() @IsHttpUrl() OIDC_JWKS_URL?: string;
  @IsOptional() @IsIntText(0) LOGIN_THROTTLE_ACCOUNT_MAX_FAILURES?: string;
  @IsOptional() @IsIntText(0) LOGIN_THROTTLE_ADDRESS_MAX_FAILURES?: string;
  @IsOptional() @IsDurationText('ms', { positive: true }) LOGIN_THROTTLE_WINDOW?: string;
  @IsOptional() @IsHttpUrl() OIDC_LEMON_COOKIE_RESOLUTION_URL?: string;
  @IsOptional() OIDC_LEMON_COOKIE_RESOLUTION_DOMAIN?: string;
}

export interface OidcConfig {
  userInfoUrl: string;
  introspectUrl: string;
  introspectCredentials?: string;
  claim: string;
  audiences: string[];
  cacheExpirationMs: number;
  cacheMaxSize: number;
  provisioning: boolean;
  /** When both are set, back-channel logout tokens are verified (signature, issuer, audience, events). */
  issuer?: string;
  jwksUrl?: string;
}

export interface AuthConfig {
  adminUsername: string;
  adminPassword: string;
  basicAuthEnabled: boolean;
  /** Brute-force limiter of password authentication (0 disables a scope). */
  loginThrottle: { maxAccountFailures: number; maxAddressFailures: number; windowMs: number };
  jwt: {
    /** Absent: a key pair is generated at start-up (tokens then only verify on this process). */
    privateKeyPath?: string;
    publicKeyPaths: string[];
    validityMs: number;
  };
  technicalToken: {
    /** Absent: a random secret per process (clusters must set one). */
    secret?: string;
    expirationSeconds: number;
  };
  /** Absent when OIDC_USERINFO_URL / OIDC_INTROSPECT_URL are not set. */
  oidc?: OidcConfig;
  lemon?: { resolutionUrl: string; domain: string };
}

export const authConfig = defineConfig('auth', AuthEnv, (env): AuthConfig => {
  const lemonUrl = readOptional(env, 'OIDC_LEMON_COOKIE_RESOLUTION_URL');
  const lemonDomain = readOptional(env, 'OIDC_LEMON_COOKIE_RESOLUTION_DOMAIN');
  return {
    adminUsername: readRequired(env, 'ADMIN_USERNAME').toLowerCase(),
    adminPassword: readRequired(env, 'ADMIN_PASSWORD'),
    basicAuthEnabled: readBoolean(env, 'BASIC_AUTH_ENABLED', false),
    loginThrottle: {
      maxAccountFailures: readInt(env, 'LOGIN_THROTTLE_ACCOUNT_MAX_FAILURES', 10),
      maxAddressFailures: readInt(env, 'LOGIN_THROTTLE_ADDRESS_MAX_FAILURES', 100),
      windowMs: readDurationMs(env, 'LOGIN_THROTTLE_WINDOW', 'ms', 15 * 60_000),
    },
    jwt: {
      privateKeyPath: readOptional(env, 'JWT_PRIVATE_KEY_PATH')?.replace(/^file:\/\//, ''),
      publicKeyPaths: readList(env, 'JWT_PUBLIC_KEY_PATHS').map((path) => path.replace(/^file:\/\//, '')),
      validityMs: readDurationMs(env, 'JWT_VALIDITY', 'ms', 12 * 3_600_000),
    },
    technicalToken: {
      secret: readOptional(env, 'TECHNICAL_TOKEN_SECRET'),
      expirationSeconds: readInt(env, 'TECHNICAL_TOKEN_EXPIRATION_SECONDS', 3600),
    },
    oidc:
      env.OIDC_USERINFO_URL && env.OIDC_INTROSPECT_URL
        ? {
            userInfoUrl: env.OIDC_USERINFO_URL,
            introspectUrl: env.OIDC_INTROSPECT_URL,
            introspectCredentials: readOptional(env, 'OIDC_INTROSPECT_CREDENTIALS'),
            claim: readString(env, 'OIDC_CLAIM', 'email'),
            audiences: readList(env, 'OIDC_AUDIENCE', ['tcalendar']),
            cacheExpirationMs: readDurationMs(env, 'OIDC_TOKEN_CACHE_EXPIRATION', 'ms', 5 * 60_000),
            cacheMaxSize: readInt(env, 'OIDC_TOKEN_CACHE_MAX_SIZE', 10_000),
            provisioning: readBoolean(env, 'OIDC_USER_PROVISIONING_ENABLED', true),
            issuer: readOptional(env, 'OIDC_ISSUER'),
            jwksUrl: readOptional(env, 'OIDC_JWKS_URL'),
          }
        : undefined,
    lemon: lemonUrl && lemonDomain ? { resolutionUrl: lemonUrl, domain: lemonDomain } : undefined,
  };
});

export function authCrossChecks(env: Readonly<Record<string, string | undefined>>): string[] {
  const problems: string[] = [];
  if (Boolean(env.OIDC_USERINFO_URL) !== Boolean(env.OIDC_INTROSPECT_URL))
    problems.push('OIDC_USERINFO_URL and OIDC_INTROSPECT_URL go together: set both or neither');
  if (Boolean(env.OIDC_LEMON_COOKIE_RESOLUTION_URL) !== Boolean(env.OIDC_LEMON_COOKIE_RESOLUTION_DOMAIN))
    problems.push(
      'OIDC_LEMON_COOKIE_RESOLUTION_URL and OIDC_LEMON_COOKIE_RESOLUTION_DOMAIN go together: set both or neither',
    );
  if (Boolean(env.OIDC_ISSUER) !== Boolean(env.OIDC_JWKS_URL))
    problems.push('OIDC_ISSUER and OIDC_JWKS_URL go together: set both or neither');
  if (env.JWT_PUBLIC_KEY_PATHS && !env.JWT_PRIVATE_KEY_PATH)
    problems.push('JWT_PRIVATE_KEY_PATH is required when JWT_PUBLIC_KEY_PATHS is set');
  return problems;
}
