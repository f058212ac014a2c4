import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RevokeOidcSessionCommand } from '../../auth/commands/revoke-oidc-session/revoke-oidc-session.command';
import { PlainTextError, WebadminError } from '../http/webadmin-error';

/** Public: the identity provider's OIDC back-channel logout endpoint. */
@ApiTags('OIDC back-channel logout')
@Controller('add-revoked-token')
export class RevokedTokenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({ summary: 'Drop every cached token of the session named by logout_token' })
  async revoke(
    @Headers('content-type') contentType: string | undefined,
    @Body() body: Record<string, unknown> | undefined,
  ): Promise<void> {
    if (!contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded'))
      throw new PlainTextError(415, 'Unsupported Content-Type');
    const token = body?.logout_token;
    if (typeof token !== 'string' || token.trim() === '')
      throw WebadminError.invalidArgument("Missing 'logout_token' form field");
    await this.commandBus.execute(new RevokeOidcSessionCommand(token.trim()));
  }
}
