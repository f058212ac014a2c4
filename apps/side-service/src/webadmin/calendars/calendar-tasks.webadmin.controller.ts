import { Controller, Param, Post, Query, Res, applyDecorators } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  InvalidCriterionError,
  parseArchiveCriteria,
} from '../../event-search/commands/archive-events/archive-criteria';
import { ArchiveEventsCommand } from '../../event-search/commands/archive-events/archive-events.command';
import { ReindexEventsCommand } from '../../event-search/commands/reindex-events/reindex-events.command';
import { RescheduleAlarmsCommand } from '../../alarms/commands/reschedule-alarms/reschedule-alarms.command';
import { WebadminError } from '../http/webadmin-error';
import { positiveInteger, supportedValue } from '../http/task-parameters';
import { taskSubmitted } from '../tasks/task-json';

/** Calendar tasks of webadmin.md §7 (all users), and the one that also runs for a single user. */
export const CALENDAR_TASKS = ['reindex', 'scheduleAlarms', 'archive'] as const;
const ALL_USERS_TASKS: string[] = [...CALENDAR_TASKS];
const SINGLE_USER_TASKS = ['archive'];
const DEFAULT_EVENTS_PER_SECOND = 100;

/** `eventsPerSecond`: an integer > 0, default 100 (webadmin.md §7). */
export function eventsPerSecondOf(value: string | undefined): number {
  return positiveInteger('eventsPerSecond', value, DEFAULT_EVENTS_PER_SECOND);
}

function criteriaOf(query: Record<string, string | undefined>) {
  try {
    return parseArchiveCriteria(query);
  } catch (error) {
    if (error instanceof InvalidCriterionError)
      throw WebadminError.invalidArgument(error.message, error.reason);
    throw error;
  }
}

const ARCHIVE_QUERIES = [
  { name: 'createdBefore', description: 'Duration (default unit years): DTSTAMP before now − duration' },
  { name: 'lastModifiedBefore', description: 'Duration: LAST-MODIFIED before now − duration' },
  { name: 'masterDtStartBefore', description: 'Duration: master DTSTART before now − duration' },
  { name: 'isRejected', description: 'true/false (yes/no, on/off): only events I declined' },
  { name: 'isNotRecurring', description: 'true/false: only events without RRULE, RDATE, RECURRENCE-ID' },
];

const ArchiveCriteriaQueries = () =>
  applyDecorators(...ARCHIVE_QUERIES.map((query) => ApiQuery({ ...query, required: false })));

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
  @ApiQuery({ name: 'task', enum: ALL_USERS_TASKS })
  @ApiQuery({ name: 'eventsPerSecond', required: false, description: 'Integer > 0, default 100' })
  @ApiQuery({ name: 'calendarsConcurrency', required: false, description: 'reindex: integer > 0, default 1' })
  @ArchiveCriteriaQueries()
  @ApiCreatedResponse({
    description: 'Task submitted; `Location: /tasks/{taskId}`',
    schema: { example: { taskId: '6c1f4b2e-0d9a-4a55-8f3e-2a71c0b9d4e1' } },
  })
  @ApiBadRequestResponse({ description: 'Missing or unknown task, bad rate, concurrency or criterion' })
  async allUsers(
    @Query() query: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ taskId: string }> {
    const task = supportedValue('task', query.task, ALL_USERS_TASKS);
    const eventsPerSecond = positiveInteger(
      'eventsPerSecond',
      query.eventsPerSecond,
      DEFAULT_EVENTS_PER_SECOND,
    );
    let taskId: string;
    if (task === 'reindex')
      taskId = await this.commandBus.execute(
        new ReindexEventsCommand(
          eventsPerSecond,
          positiveInteger('calendarsConcurrency', query.calendarsConcurrency, 1),
        ),
      );
    else if (task === 'scheduleAlarms')
      taskId = await this.commandBus.execute(new RescheduleAlarmsCommand(eventsPerSecond));
    else taskId = await this.commandBus.execute(new ArchiveEventsCommand(criteriaOf(query), eventsPerSecond));
    return taskSubmitted(response, taskId);
  }

  @Post(':username')
  @ApiOperation({ summary: "task=archive: archive one user's matching events (`calendar-archival`)" })
  @ApiQuery({ name: 'task', enum: SINGLE_USER_TASKS })
  @ApiQuery({ name: 'eventsPerSecond', required: false, description: 'Integer > 0, default 100' })
  @ArchiveCriteriaQueries()
  @ApiCreatedResponse({ description: 'Task submitted; `Location: /tasks/{taskId}`' })
  @ApiBadRequestResponse({ description: 'Missing or unknown task, bad rate or criterion' })
  @ApiNotFoundResponse({ description: '`User does not exist`' })
  async singleUser(
    @Param('username') username: string,
    @Query() query: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ taskId: string }> {
    supportedValue('task', query.task, SINGLE_USER_TASKS);
    const eventsPerSecond = positiveInteger(
      'eventsPerSecond',
      query.eventsPerSecond,
      DEFAULT_EVENTS_PER_SECOND,
    );
    const taskId = await this.commandBus.execute(
      new ArchiveEventsCommand(criteriaOf(query), eventsPerSecond, username),
    );
    return taskSubmitted(response, taskId);
  }
}
