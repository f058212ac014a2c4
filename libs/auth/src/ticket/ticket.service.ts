import { Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { AuthTicket, AuthTicketRepository } from '@app/persistence';

export const TICKET_VALIDITY_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Single-use tickets valid one minute. The requester's address is recorded but not enforced: binding a ticket to
 * an IP breaks behind reverse proxies and load balancers (REST spec §9.4).
 */
export class TicketService {
  private readonly logger = new Logger(TicketService.name);

  constructor(
    private readonly tickets: AuthTicketRepository,
    private readonly now: () => number = Date.now,
  ) {}

  /** Drops expired tickets (FerretDB 1.x has no TTL index). */
  @Interval('auth-ticket-sweep', TICKET_VALIDITY_MS)
  async sweep(): Promise<void> {
    try {
      await this.tickets.deleteExpired(new Date(this.now()));
    } catch (error) {
      this.logger.warn(`ticket sweep failed: ${(error as Error).message}`);
    }
  }

  async issue(username: string, clientAddress: string): Promise<AuthTicket> {
    const generatedOn = new Date(Math.floor(this.now() / 1000) * 1000);
    const ticket = {
      value: randomUUID(),
      username,
      clientAddress,
      generatedOn,
      validUntil: new Date(generatedOn.getTime() + TICKET_VALIDITY_MS),
    };
    await this.tickets.insert(ticket);
    return ticket;
  }

  /** The owner of a valid ticket, which is used up; `undefined` for a malformed, unknown, used or expired one. */
  async consume(value: string): Promise<string | undefined> {
    if (!UUID.test(value)) return undefined;
    const ticket = await this.tickets.take(value);
    return ticket && ticket.validUntil.getTime() > this.now() ? ticket.username : undefined;
  }

  /** Revocation by its owner only. */
  async revoke(value: string, username: string): Promise<boolean> {
    if (!UUID.test(value)) return false;
    const ticket = await this.tickets.find(value);
    if (!ticket || ticket.username !== username) return false;
    return this.tickets.delete(value);
  }
}
