/**
 * `MAIL_RECIPIENT_WHITELIST` (mail.md §6): when it lists addresses, only they receive generated mails. Whole
 * addresses, compared without regard to case; an empty list allows everybody.
 */
export class RecipientWhitelist {
  private readonly allowed: ReadonlySet<string>;

  constructor(addresses: readonly string[]) {
    this.allowed = new Set(addresses.map((address) => address.trim().toLowerCase()));
  }

  get restricted(): boolean {
    return this.allowed.size > 0;
  }

  allows(address: string): boolean {
    return this.allowed.size === 0 || this.allowed.has(address.trim().toLowerCase());
  }

  describe(): string {
    return this.restricted ? [...this.allowed].join(', ') : 'everybody';
  }
}
