/**
 * A booking link of `username` was created, changed, reset or deleted: the owner's sessions get
 * `{"bookingLinkStateChanged": true}` and re-fetch `GET /api/booking-links` (rest-api.md §6.7). Published on the
 * CQRS event bus by whoever changes booking links.
 */
export class BookingLinkStateChangedEvent {
  constructor(
    /** The owner's e-mail address. */
    public readonly username: string,
  ) {}
}
