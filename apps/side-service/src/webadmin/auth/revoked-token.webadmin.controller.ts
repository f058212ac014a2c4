import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RevokeOidcSessionCommand } from '../../auth/commands/revoke-oidc-session/revoke-oidc-session.command';
import { ConsumesOnly } from '../http/consumes-only';
import { RevokedTokenRequestDto } from './revoked-token.request';

/** Public: the identity provider's OIDC back-channel logout endpoint. */
@ApiTags('OIDC back-channel logout')
@Controller('add-revoked-token')
export class RevokedTokenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ConsumesOnly('application/x-www-form-urlencoded')
  @ApiOperation({ summary: 'Drop every cached token of the session named by logout_token' })
  async revoke(@Body() { logout_token: token }: RevokedTokenRequestDto): Promise<void> {
    await this.commandBus.execute(new RevokeOidcSessionCommand(token));
  }
}
