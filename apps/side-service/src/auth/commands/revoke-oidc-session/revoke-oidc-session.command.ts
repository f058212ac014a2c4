import { Command } from '@nestjs/cqrs';

/** OIDC back-channel logout: drop the cached tokens of the session or subject in the logout token. */
export class RevokeOidcSessionCommand extends Command<{ evicted: number }> {
  constructor(public readonly logoutToken: string) {
    super();
  }
}
