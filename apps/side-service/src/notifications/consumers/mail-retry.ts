import { MailDeliveryInProgressError } from '@app/mail';
import type { RetryPolicy } from '@app/messaging';

export const MAIL_RETRY = Symbol('MAIL_RETRY');

/**
 * How a consumer that sends mail waits (MAIL_RETRY_DELAY, MAIL_RETRY_MAX_ATTEMPTS): while the mail server is down,
 * or while the same mail is being sent by another node, the message waits in its retry queue, up to the configured
 * attempts. Spread into the options of `MessagePipeline.consume`.
 */
export interface MailRetry {
  retry: RetryPolicy;
  isTransient: (error: unknown) => boolean;
}

export function mailRetry(policy: RetryPolicy): MailRetry {
  return { retry: policy, isTransient: (error) => error instanceof MailDeliveryInProgressError };
}
