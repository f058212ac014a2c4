import { Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { GenerateUserJwtCommand } from './generate-user-jwt.command';

@ApiTags('JWT')
@ApiBearerAuth()
@Controller('api/jwt')
@UseGuards(AuthenticatedGuard)
export class GenerateUserJwtController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('generate')
  @HttpCode(200)
  @ApiOperation({ summary: 'A JWT for the DAV server, as a JSON string' })
  @ApiOkResponse({ schema: { type: 'string', example: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOi...' } })
  async generate(@CurrentUser() user: AuthenticatedUser, @Res() response: Response): Promise<void> {
    const token = await this.commandBus.execute(new GenerateUserJwtCommand(user.username));
    response.status(200).type('application/json; charset=utf-8').send(JSON.stringify(token));
  }
}
