import { Controller, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { TextBody } from '../../../http/json-response.interceptor';
import { GenerateUserJwtCommand } from './generate-user-jwt.command';

@ApiTags('JWT')
@ApiBearerAuth()
@Controller('api/jwt')
@UseGuards(AuthenticatedGuard)
export class GenerateUserJwtController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('generate')
  @HttpCode(200)
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOperation({ summary: 'A JWT for the DAV server, as a JSON string' })
  @ApiOkResponse({ schema: { type: 'string', example: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOi...' } })
  async generate(@CurrentUser() user: AuthenticatedUser): Promise<TextBody> {
    const token = await this.commandBus.execute(new GenerateUserJwtCommand(user.username));
    // Sent through Express as the original (its weak ETag included).
    return new TextBody(JSON.stringify(token));
  }
}
