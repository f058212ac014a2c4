import { AuthTicket } from './auth-ticket';

/** Port over `auth_tickets`. */
export abstract class AuthTicketRepository {
  abstract insert(ticket: AuthTicket): Promise<void>;
  abstract find(value: string): Promise<AuthTicket | undefined>;
  /** Removes and returns the ticket: whoever gets it first is the only one to use it. */
  abstract take(value: string): Promise<AuthTicket | undefined>;
  abstract delete(value: string): Promise<boolean>;
  /** Drops tickets past their validity (the TTL index does it on MongoDB, not on FerretDB 1.x). */
  abstract deleteExpired(now: Date): Promise<number>;
}
