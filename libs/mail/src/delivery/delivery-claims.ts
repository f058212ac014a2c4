import { Inject, Injectable } from '@nestjs/common';
import { DeliveryClaim, MailDeliveryRepository } from '@app/persistence';
import { MAIL_DELIVERY_OPTIONS, MailDeliveryOptions } from './mail-delivery.options';

const MAX_BATCH = 64;

interface Waiter {
  key: string;
  resolve: (claim: DeliveryClaim) => void;
  reject: (error: unknown) => void;
}

/**
 * Claims delivery keys in batches: the claims asked while the event loop turns once (a burst of messages) are
 * written with one insert, without waiting for more. The same key asked twice in a batch is claimed once; the other callers
 * are told it is in progress.
 */
@Injectable()
export class DeliveryClaims {
  private waiting: Waiter[] = [];
  private scheduled = false;

  constructor(
    private readonly deliveries: MailDeliveryRepository,
    @Inject(MAIL_DELIVERY_OPTIONS) private readonly options: MailDeliveryOptions,
  ) {}

  claim(key: string): Promise<DeliveryClaim> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ key, resolve, reject });
      if (this.waiting.length >= MAX_BATCH) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    const now = new Date();
    this.deliveries
      .claimMany(
        batch.map((waiter) => waiter.key),
        now,
        this.options.leaseMs,
        new Date(now.getTime() + this.options.idempotencyTtlMs),
      )
      .then((claims) => {
        const answered = new Set<string>();
        for (const waiter of batch) {
          const claim = claims.get(waiter.key) ?? 'in-progress';
          waiter.resolve(answered.has(waiter.key) && claim === 'claimed' ? 'in-progress' : claim);
          answered.add(waiter.key);
        }
      })
      .catch((error: unknown) => batch.forEach((waiter) => waiter.reject(error)));
  }
}
