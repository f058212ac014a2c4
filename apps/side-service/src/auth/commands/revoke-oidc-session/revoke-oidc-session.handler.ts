import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BackChannelLogoutService } from '@app/auth';
import { RevokeOidcSessionCommand } from './revoke-oidc-session.command';

@CommandHandler(RevokeOidcSessionCommand)
export class RevokeOidcSessionHandler implements ICommandHandler<RevokeOidcSessionCommand> {
  constructor(private readonly logout: BackChannelLogoutService) {}

  execute(command: RevokeOidcSessionCommand): Promise<{ evicted: number }> {
    return this.logout.logout(command.logoutToken);
  }
}
