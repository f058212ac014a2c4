import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { GetSecretLinkCommand } from './get-secret-link.command';
import { GetSecretLinkRequestDto } from './get-secret-link.request';

@ApiTags('Calendars')
@ApiBearerAuth()
@Controller('calendar/api/calendars')
@UseGuards(AuthenticatedGuard)
export class GetSecretLinkController {
  constructor(private readonly commandBus: CommandBus) {}

  @Get(':calendarHomeId/:calendarId/secret-link')
  @ApiOperation({ summary: 'Secret link to download a calendar as ICS (shouldResetLink=true: a new token)' })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('calendarHomeId') calendarHomeId: string,
    @Param('calendarId') calendarId: string,
    @Query() query: GetSecretLinkRequestDto,
  ): Promise<{ secretLink: string }> {
    const secretLink = await this.commandBus.execute(
      new GetSecretLinkCommand(user.username, calendarHomeId, calendarId, query.reset),
    );
    return { secretLink };
  }
}
