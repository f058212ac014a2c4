import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiInternalServerErrorResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { TeamCalendarMember } from '@app/dav-client';
import type { Domain } from '@app/persistence';
import { CreateTeamCalendarCommand } from '../../team-calendars/commands/create-team-calendar/create-team-calendar.command';
import { DeleteTeamCalendarCommand } from '../../team-calendars/commands/delete-team-calendar/delete-team-calendar.command';
import { RenameTeamCalendarCommand } from '../../team-calendars/commands/rename-team-calendar/rename-team-calendar.command';
import { UpdateTeamCalendarMembersCommand } from '../../team-calendars/commands/update-team-calendar-members/update-team-calendar-members.command';
import { GetDomainTeamCalendarQuery } from '../../team-calendars/queries/get-domain-team-calendar/get-domain-team-calendar.query';
import { ListTeamCalendarMembersQuery } from '../../team-calendars/queries/list-team-calendar-members/list-team-calendar-members.query';
import { ListTeamCalendarsQuery } from '../../team-calendars/queries/list-team-calendars/list-team-calendars.query';
import { TeamCalendarNotFoundError } from '../../team-calendars/team-calendars.errors';
import { existingDomain } from '../domains/domain-param';
import { DAV_ERROR_MESSAGE as DAV_ERROR, davCall } from '../http/dav-call';
import {
  TeamCalendarCreationDto,
  TeamCalendarJsonDto,
  TeamCalendarRenameDto,
  CalendarShareRequestDto,
  shareUpdate,
  teamCalendarJson,
} from './team-calendar-body';

/** Team calendars of a domain and their members (webadmin.md §9). */
@ApiTags('Team calendars')
@ApiParam({ name: 'domain', example: 'example.com' })
@ApiBadRequestResponse({ description: 'Invalid domain (`Invalid domain: <d>`); invalid body' })
@ApiNotFoundResponse({ description: 'Unknown domain (`<d> does not exist`); unknown team calendar' })
@ApiInternalServerErrorResponse({ description: `\`${DAV_ERROR}\`` })
@Controller('domains/:domain/team-calendars')
export class TeamCalendarsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a team calendar and provision its DAV calendar (not idempotent)' })
  @ApiBody({ type: TeamCalendarCreationDto })
  @ApiCreatedResponse({
    type: TeamCalendarJsonDto,
    description: '`Location: /domains/{domain}/team-calendars/{id}`',
  })
  async create(
    @Param('domain') raw: string,
    @Body() { name, displayName }: TeamCalendarCreationDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TeamCalendarJsonDto> {
    const domain = await this.domain(raw);
    const calendar = await davCall(
      this.commandBus.execute(new CreateTeamCalendarCommand(domain, name, displayName)),
    );
    response.status(201).setHeader('Location', `/domains/${domain.name}/team-calendars/${calendar.id}`);
    return teamCalendarJson(calendar);
  }

  @Get()
  @ApiOperation({ summary: 'Team calendars of the domain' })
  @ApiOkResponse({ type: [TeamCalendarJsonDto] })
  async list(@Param('domain') raw: string): Promise<TeamCalendarJsonDto[]> {
    const domain = await this.domain(raw);
    return (await this.queryBus.execute(new ListTeamCalendarsQuery(domain.id))).map(teamCalendarJson);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One team calendar (`Team calendar does not exist` when unknown)' })
  @ApiOkResponse({ type: TeamCalendarJsonDto })
  async get(@Param('domain') raw: string, @Param('id') id: string): Promise<TeamCalendarJsonDto> {
    const domain = await this.domain(raw);
    const calendar = await this.queryBus.execute(new GetDomainTeamCalendarQuery(domain.id, id));
    if (!calendar) throw new TeamCalendarNotFoundError();
    return teamCalendarJson(calendar);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename: the DAV calendar, then the stored display name' })
  @ApiBody({ type: TeamCalendarRenameDto })
  @ApiOkResponse({ type: TeamCalendarJsonDto })
  async rename(
    @Param('domain') raw: string,
    @Param('id') id: string,
    @Body() { displayName }: TeamCalendarRenameDto,
  ): Promise<TeamCalendarJsonDto> {
    const domain = await this.domain(raw);
    return teamCalendarJson(
      await davCall(this.commandBus.execute(new RenameTeamCalendarCommand(domain, id, displayName))),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete the DAV calendar home, then the team calendar (204 also when unknown)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(@Param('domain') raw: string, @Param('id') id: string): Promise<void> {
    const domain = await this.domain(raw);
    await davCall(this.commandBus.execute(new DeleteTeamCalendarCommand(domain, id)));
  }

  @Get(':id/members')
  @ApiOperation({ summary: 'Members from the DAV sharing entries: viewer (dav:read), member, manager' })
  @ApiOkResponse({
    schema: { example: [{ username: 'bob@example.com', role: 'viewer', davRight: 'dav:read' }] },
  })
  async members(@Param('domain') raw: string, @Param('id') id: string): Promise<TeamCalendarMember[]> {
    const domain = await this.domain(raw);
    return davCall(this.queryBus.execute(new ListTeamCalendarMembersQuery(domain, id)));
  }

  @Post(':id/members/invitee')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Add, change or remove members (partial update through DAV sharing)',
    description:
      '400: `Candidate member not found: <u>`, `Member must belong to domain: <d>`; 404: `Team calendar does not exist: <id>`',
  })
  @ApiNoContentResponse({ description: 'Applied' })
  async invite(
    @Param('domain') raw: string,
    @Param('id') id: string,
    @Body() body: CalendarShareRequestDto,
  ): Promise<void> {
    const domain = await this.domain(raw);
    await davCall(
      this.commandBus.execute(new UpdateTeamCalendarMembersCommand(domain, id, shareUpdate(body))),
    );
  }

  private domain(raw: string): Promise<Domain> {
    return existingDomain(this.queryBus, raw, (name) => `${name} does not exist`);
  }
}
