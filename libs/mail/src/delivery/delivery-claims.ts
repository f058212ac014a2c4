import { Inject, Injectable } from '@nestjs/common';
import { DeliveryClaim, MailDeliveryRepository } from '@app/persistence';
import { MAIL_DELIVERY_OPTIONS, MailDeliveryOptions } from './mail-delivery.options';

/** How long claims wait to be written together. */
const BATCH_WINDOW_MS = 5;
const MAX_BATCH = 64;

interface Waiter {
  key: string;
  resolve: (claim: DeliveryClaim) => void;
  reject: (error: unknown) => void;
}

/**
 * Claims delivery keys in batches: the claims asked within a few milliseconds (the consumer handles 16 messages
 * at a time) are written with one insert. The same key asked twice in a batch is claimed once; the other callers
 * are told it is in progress.
 */
@Injectable()
export class DeliveryClaims {
  private waiting: Waiter[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly deliveries: MailDeliveryRepository,
    @Inject(MAIL_DELIVERY_OPTIONS) private readonly options: MailDeliveryOptions,
  ) {}

  claim(key: string): Promise<DeliveryClaim> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ key, resolve, reject });
      if (this.waiting.length >= MAX_BATCH) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), BATCH_WINDOW_MS);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    this.deliveries
      .claimMany(
        batch.map((waiter) => waiter.key),
        new Date(),
        this.options.leaseMs,
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
