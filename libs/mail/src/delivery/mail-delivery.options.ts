export const MAIL_DELIVERY_OPTIONS = Symbol('MAIL_DELIVERY_OPTIONS');
export interface MailDeliveryOptions {
  /** How long a sent mail is remembered. */
  idempotencyTtlMs: number;
  /** How long a claim protects a send in progress. */
  leaseMs: number;
}
