import { IsDefined, IsOptional } from 'class-validator';
import { defineConfig } from '../config-definition';
import { IsBooleanText, IsDurationText, IsHttpUrl, IsIntText } from '../env-validators';
import { readBoolean, readDurationMs, readInt, readOptional, readRequired } from '../env-readers';
import { parseDuration } from '@app/core';

const required = { message: '$property is required' };

class DavEnv {
  @IsDefined(required) @IsHttpUrl() DAV_URL!: string;
  @IsDefined(required) DAV_ADMIN_USER!: string;
  @IsDefined(required) DAV_ADMIN_PASSWORD!: string;
  @IsOptional() @IsBooleanText() DAV_TRUST_ALL_SSL_CERTS?: string;
  @IsOptional() @IsDurationText('ms', { positive: true }) DAV_RESPONSE_TIMEOUT?: string;
  @IsOptional() @IsDurationText('ms', { positive: true }) DAV_IMIP_CALLBACK_RESPONSE_TIMEOUT?: string;
  @IsOptional() @IsIntText(1) DAV_UPDATE_RETRY_MIN_BACKOFF_MS?: string;
}

export interface DavConfig {
  url: string;
  adminUser: string;
  adminPassword: string;
  trustAllCerts: boolean;
  responseTimeoutMs: number;
  imipCallbackResponseTimeoutMs?: number;
  updateRetryMinBackoffMs: number;
}

export const davConfig = defineConfig('dav', DavEnv, (env): DavConfig => ({
  url: readRequired(env, 'DAV_URL').replace(/\/+$/, ''),
  adminUser: readRequired(env, 'DAV_ADMIN_USER'),
  adminPassword: readRequired(env, 'DAV_ADMIN_PASSWORD'),
  trustAllCerts: readBoolean(env, 'DAV_TRUST_ALL_SSL_CERTS', false),
  responseTimeoutMs: readDurationMs(env, 'DAV_RESPONSE_TIMEOUT', 'ms', 10_000),
  imipCallbackResponseTimeoutMs:
    readOptional(env, 'DAV_IMIP_CALLBACK_RESPONSE_TIMEOUT') === undefined
      ? undefined
      : parseDuration(readRequired(env, 'DAV_IMIP_CALLBACK_RESPONSE_TIMEOUT'), 'ms'),
  updateRetryMinBackoffMs: readInt(env, 'DAV_UPDATE_RETRY_MIN_BACKOFF_MS', 100),
}));
