import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { MailDeliveryRepository } from '@app/persistence';

const SWEEP_INTERVAL_MS = 10 * 60_000;

/** Drops expired idempotency records: FerretDB 1.x has no TTL index, so the service sweeps them itself. */
@Injectable()
export class MailDeliverySweeper {
  private readonly logger = new Logger(MailDeliverySweeper.name);

  constructor(private readonly deliveries: MailDeliveryRepository) {}

  @Interval('mail-delivery-sweep', SWEEP_INTERVAL_MS)
  async sweep(now = new Date()): Promise<number> {
    try {
      return await this.deliveries.deleteExpired(now);
    } catch (error) {
      this.logger.warn(`idempotency sweep failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
