import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { MailDeliveryRepository } from '@app/persistence';
import { MAIL_DELIVERY_OPTIONS, MailDeliveryOptions } from './mail-delivery.options';

/** How long keys wait to be written together. */
const BATCH_WINDOW_MS = 25;
const MAX_BATCH = 500;

/**
 * Records sent mails in batches: one MongoDB write for the mails sent within a few milliseconds. Until its batch
 * is written, a mail's claim still protects it: a duplicate is told "in progress" and tried again later.
 */
@Injectable()
export class SentMailRecorder implements OnModuleDestroy {
  private readonly logger = new Logger(SentMailRecorder.name);
  private pending: string[] = [];
  private timer?: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly deliveries: MailDeliveryRepository,
    @Inject(MAIL_DELIVERY_OPTIONS) private readonly options: MailDeliveryOptions,
  ) {}

  record(key: string): void {
    this.pending.push(key);
    if (this.pending.length >= MAX_BATCH) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), BATCH_WINDOW_MS);
  }

  /** Writes what is queued; resolves once every queued key is written. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const keys = this.pending;
    this.pending = [];
    if (keys.length === 0) return this.writing;
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.options.idempotencyTtlMs);
    this.writing = this.writing
      .then(() => this.deliveries.markSent(keys, now, expiresAt))
      .catch((error: Error) =>
        this.logger.error(`${keys.length} sent mail(s) not recorded: ${error.message}`),
      );
    return this.writing;
  }

  async onModuleDestroy(): Promise<void> {
    await this.flush();
  }
}
