/** Outcome of claiming a delivery key before sending a mail. */
export type DeliveryClaim =
  /** Nobody sent it: the caller sends it, then marks it sent (or releases it on failure). */
  | 'claimed'
  /** Already sent within the retention period: nothing to do. */
  | 'already-sent'
  /** Another consumer is sending it right now (its lease has not expired). */
  | 'in-progress';
