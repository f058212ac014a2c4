import { AuthenticatedUser, CredentialSource } from '../authenticated-user';
import { AuthenticationRejectedError } from '../auth.errors';
import { CredentialResolver } from '../credential-resolver';
import { TicketService } from './ticket.service';

/** `?ticket=<uuid>` on any authenticated route. */
export class TicketCredentialResolver extends CredentialResolver {
  readonly name = 'ticket';

  constructor(
    private readonly tickets: TicketService,
    private readonly adminUsername: string,
  ) {
    super();
  }

  async resolve(source: CredentialSource): Promise<AuthenticatedUser | undefined> {
    const value = source.query.ticket;
    if (value === undefined) return undefined;
    const username = typeof value === 'string' ? await this.tickets.consume(value.trim()) : undefined;
    if (!username) throw new AuthenticationRejectedError('invalid, used or expired ticket');
    return { username, isAdmin: username === this.adminUsername, method: 'ticket' };
  }
}
