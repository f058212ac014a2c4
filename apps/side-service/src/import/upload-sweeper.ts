import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Interval } from '@nestjs/schedule';
import type { AllConfig } from '@app/config';
import { UploadedFileRepository } from '@app/persistence';

const SWEEP_INTERVAL_MS = 60_000;

/**
 * Expiry of uploads: reads ignore files older than `UPLOAD_EXPIRATION`, and expired files are deleted once a minute
 * (the TTL index does it on MongoDB; FerretDB 1.x has none).
 */
@Injectable()
export class UploadSweeper {
  private readonly logger = new Logger(UploadSweeper.name);
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

  @Interval('upload-expiry-sweep', SWEEP_INTERVAL_MS)
  async sweep(now = Date.now()): Promise<number> {
    try {
      const count = await this.files.deleteCreatedBefore(this.notBefore(now));
      if (count > 0) this.logger.log(`${count} expired uploads deleted`);
      return count;
    } catch (error) {
      this.logger.warn(`upload sweep failed: ${String(error)}`);
      return 0;
    }
  }
}
