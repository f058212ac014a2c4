import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { ItipDeliveryRepository, ItipFanOutRepository } from '@app/persistence';

const SWEEP_INTERVAL_MS = 10 * 60_000;

/** Drops expired idempotency records and fan-outs: FerretDB 1.x has no TTL index, so the service sweeps itself. */
@Injectable()
export class SchedulingSweeper {
  private readonly logger = new Logger(SchedulingSweeper.name);

  constructor(
    private readonly deliveries: ItipDeliveryRepository,
    private readonly fanOuts: ItipFanOutRepository,
  ) {}

  @Interval('scheduling-sweep', SWEEP_INTERVAL_MS)
  async sweep(now = new Date()): Promise<number> {
    try {
      return (await this.deliveries.deleteExpired(now)) + (await this.fanOuts.deleteExpired(now));
    } catch (error) {
      this.logger.warn(`scheduling sweep failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
