import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { GetSecretLinkCommand } from './get-secret-link.command';

@ApiTags('Calendars')
@ApiBearerAuth()
@Controller('calendar/api/calendars')
@UseGuards(AuthenticatedGuard)
export class GetSecretLinkController {
  constructor(private readonly commandBus: CommandBus) {}

  @Get(':calendarHomeId/:calendarId/secret-link')
  @ApiOperation({ summary: 'Secret link to download a calendar as ICS (shouldResetLink=true: a new token)' })
  @ApiQuery({ name: 'shouldResetLink', required: false })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('calendarHomeId') calendarHomeId: string,
    @Param('calendarId') calendarId: string,
    @Query('shouldResetLink') shouldResetLink: unknown,
  ): Promise<{ secretLink: string }> {
    const reset = typeof shouldResetLink === 'string' && shouldResetLink.toLowerCase() === 'true';
    const secretLink = await this.commandBus.execute(
      new GetSecretLinkCommand(user.username, calendarHomeId, calendarId, reset),
    );
    return { secretLink };
  }
}
