import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '@app/config';
import { UploadedFileRepository } from '@app/persistence';

const SWEEP_INTERVAL_MS = 60_000;

/**
 * Expiry of uploads: reads ignore files older than `UPLOAD_EXPIRATION`, and expired files are deleted at most once a
 * minute, on uploads (the TTL index does it on MongoDB; FerretDB 1.x has none).
 */
@Injectable()
export class UploadSweeper {
  private readonly logger = new Logger(UploadSweeper.name);
  private lastSweep = 0;
  private readonly expirationMs: number;

  constructor(
    private readonly files: UploadedFileRepository,
    config: ConfigService<AllConfig, true>,
  ) {
    this.expirationMs = config.get('upload', { infer: true }).expirationMs;
  }

  /** Files created before this instant are expired. */
  notBefore(now = Date.now()): Date {
    return new Date(now - this.expirationMs);
  }

  sweepIfDue(now = Date.now()): void {
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    this.files
      .deleteCreatedBefore(this.notBefore(now))
      .then((count) => count > 0 && this.logger.log(`${count} expired uploads deleted`))
      .catch((error: unknown) => this.logger.warn(`upload sweep failed: ${String(error)}`));
  }
}
