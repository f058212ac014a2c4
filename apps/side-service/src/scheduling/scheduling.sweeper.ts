import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ItipDeliveryRepository, ItipFanOutRepository } from '@app/persistence';

const SWEEP_INTERVAL_MS = 10 * 60_000;

/** Drops expired idempotency records and fan-outs: FerretDB 1.x has no TTL index, so the service sweeps itself. */
@Injectable()
export class SchedulingSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SchedulingSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly deliveries: ItipDeliveryRepository,
    private readonly fanOuts: ItipFanOutRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(now = new Date()): Promise<number> {
    try {
      return (await this.deliveries.deleteExpired(now)) + (await this.fanOuts.deleteExpired(now));
    } catch (error) {
      this.logger.warn(`scheduling sweep failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
