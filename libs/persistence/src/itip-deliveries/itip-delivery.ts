/** Outcome of claiming a single-recipient iTIP local-delivery message before processing it. */
export type ItipDeliveryClaim =
  /** The caller processes the message; `itipDelivered`: a previous attempt already made the `/itip` call. */
  | { state: 'claimed'; itipDelivered: boolean }
  /** Already processed within the retention period: nothing to do. */
  | { state: 'done' }
  /** Another consumer is processing it right now (its lease has not expired). */
  | { state: 'in-progress' };
