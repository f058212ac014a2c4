import { IsOptional } from 'class-validator';
import { defineConfig } from '../config-definition';
import { IsDurationText, IsSizeText } from '../env-validators';
import { readDurationMs, readSize } from '../env-readers';

class UploadEnv {
  @IsOptional() @IsDurationText('ms', { positive: true }) UPLOAD_EXPIRATION?: string;
  @IsOptional() @IsSizeText() UPLOAD_USER_TOTAL_LIMIT?: string;
}

export interface UploadConfig {
  /** Lifetime of an uploaded file. */
  expirationMs: number;
  /** Per-user quota in bytes; the oldest uploads are evicted to make room. */
  userTotalLimitBytes: number;
}

export const uploadConfig = defineConfig('upload', UploadEnv, (env): UploadConfig => ({
  expirationMs: readDurationMs(env, 'UPLOAD_EXPIRATION', 'ms', 60 * 60_000),
  userTotalLimitBytes: readSize(env, 'UPLOAD_USER_TOTAL_LIMIT', 50 * 1024 * 1024),
}));
