import { Controller, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ArchiveEventsCommand } from '../../event-search/commands/archive-events/archive-events.command';
import { ReindexEventsCommand } from '../../event-search/commands/reindex-events/reindex-events.command';
import { RescheduleAlarmsCommand } from '../../alarms/commands/reschedule-alarms/reschedule-alarms.command';
import { taskSubmitted } from '../tasks/task-json';
import { CalendarTasksRequestDto, UserArchiveRequestDto } from './calendar-tasks.request';

/** Calendar event tasks (webadmin.md §7.1, §7.3): search reindexing and archiving. */
@ApiTags('Calendar tasks')
@Controller('calendars')
export class CalendarTasksController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiOperation({
    summary:
      'task=reindex: rebuild the event search index from DAV (`reindex-calendar-events`); ' +
      'task=scheduleAlarms: create the missing pending alarm entries of every user (`schedule-alarms`); ' +
      "task=archive: archive every user's matching events (`calendar-archival`)",
  })
  @ApiCreatedResponse({
    description: 'Task submitted; `Location: /tasks/{taskId}`',
    schema: { example: { taskId: '6c1f4b2e-0d9a-4a55-8f3e-2a71c0b9d4e1' } },
  })
  @ApiBadRequestResponse({ description: 'Missing or unknown task, bad rate, concurrency or criterion' })
  async allUsers(
    @Query() query: CalendarTasksRequestDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ taskId: string }> {
    const task = query.selected;
    let taskId: string;
    if (task === 'reindex')
      taskId = await this.commandBus.execute(new ReindexEventsCommand(query.rate, query.concurrency));
    else if (task === 'scheduleAlarms')
      taskId = await this.commandBus.execute(new RescheduleAlarmsCommand(query.rate));
    else taskId = await this.commandBus.execute(new ArchiveEventsCommand(query.criteria, query.rate));
    return taskSubmitted(response, taskId);
  }

  @Post(':username')
  @ApiOperation({ summary: "task=archive: archive one user's matching events (`calendar-archival`)" })
  @ApiCreatedResponse({ description: 'Task submitted; `Location: /tasks/{taskId}`' })
  @ApiBadRequestResponse({ description: 'Missing or unknown task, bad rate or criterion' })
  @ApiNotFoundResponse({ description: '`User does not exist`' })
  async singleUser(
    @Param('username') username: string,
    @Query() query: UserArchiveRequestDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ taskId: string }> {
    const taskId = await this.commandBus.execute(
      new ArchiveEventsCommand(query.criteria, query.rate, username),
    );
    return taskSubmitted(response, taskId);
  }
}
