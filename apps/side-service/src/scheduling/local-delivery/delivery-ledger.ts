import { Injectable } from '@nestjs/common';
import { ItipDeliveryRepository } from '@app/persistence';

/** Longer than one processing (two DAV calls bounded by their timeout, and the publications). */
export const DELIVERY_LEASE_MS = 60_000;
/** How long a processed message is remembered (redeliveries, replays from the dead-letter queue). */
export const DELIVERY_RETENTION_MS = 7 * 24 * 3600_000;
const POLL_MS = 200;

export type LedgerClaim = { state: 'claimed'; itipDelivered: boolean } | { state: 'done' };

/**
 * Idempotency of single-recipient messages (events.md §1.1: messages are redelivered): one record per message and
 * recipient. A message being processed elsewhere is waited for (its lease bounds the wait).
 */
@Injectable()
export class DeliveryLedger {
  constructor(private readonly deliveries: ItipDeliveryRepository) {}

  async claim(key: string): Promise<LedgerClaim> {
    for (;;) {
      const claim = await this.deliveries.claim(key, new Date(), DELIVERY_LEASE_MS, DELIVERY_RETENTION_MS);
      if (claim.state !== 'in-progress') return claim;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  markItipDelivered(key: string): Promise<void> {
    return this.deliveries.markItipDelivered(key);
  }

  complete(key: string): Promise<void> {
    return this.deliveries.complete(key, new Date(Date.now() + DELIVERY_RETENTION_MS));
  }

  release(key: string): Promise<void> {
    return this.deliveries.release(key, new Date());
  }
}
