import { IsDefined, IsOptional } from 'class-validator';
import { defineConfig } from '../config-definition';
import { IsBooleanText, IsMailAddressText } from '../env-validators';
import { readBoolean, readRequired } from '../env-readers';

const required = { message: '$property is required' };

class AuthEnv {
  @IsDefined(required) @IsMailAddressText() ADMIN_USERNAME!: string;
  @IsDefined(required) ADMIN_PASSWORD!: string;
  @IsOptional() @IsBooleanText() BASIC_AUTH_ENABLED?: string;
}

export interface AuthConfig {
  adminUsername: string;
  adminPassword: string;
  basicAuthEnabled: boolean;
}

export const authConfig = defineConfig('auth', AuthEnv, (env): AuthConfig => ({
  adminUsername: readRequired(env, 'ADMIN_USERNAME').toLowerCase(),
  adminPassword: readRequired(env, 'ADMIN_PASSWORD'),
  basicAuthEnabled: readBoolean(env, 'BASIC_AUTH_ENABLED', false),
}));
