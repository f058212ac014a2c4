import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { MailDeliveryRepository } from '@app/persistence';

const SWEEP_INTERVAL_MS = 10 * 60_000;

/** Drops expired idempotency records: FerretDB 1.x has no TTL index, so the service sweeps them itself. */
@Injectable()
export class MailDeliverySweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MailDeliverySweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly deliveries: MailDeliveryRepository) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(now = new Date()): Promise<number> {
    try {
      return await this.deliveries.deleteExpired(now);
    } catch (error) {
      this.logger.warn(`idempotency sweep failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
