import { Controller, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RescheduleAlarmsCommand } from '../../alarms/commands/reschedule-alarms/reschedule-alarms.command';
import { WebadminError } from '../http/webadmin-error';
import { taskSubmitted } from '../tasks/task-json';

/** Calendar tasks of webadmin.md §7 that this service runs (the others are added with their features). */
export const CALENDAR_TASKS = ['scheduleAlarms'] as const;

/** `eventsPerSecond`: an integer > 0, default 100 (webadmin.md §7). */
export function eventsPerSecondOf(value: string | undefined): number {
  if (value === undefined) return 100;
  const text = value.trim();
  if (!/^\d+$/.test(text) || Number(text) <= 0 || !Number.isSafeInteger(Number(text)))
    throw WebadminError.invalidArgument(
      `Invalid 'eventsPerSecond' parameter: ${value}`,
      "'eventsPerSecond' must be an integer greater than 0",
    );
  return Number(text);
}

@ApiTags('Calendar tasks')
@Controller('calendars')
export class CalendarTasksController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Run a task over every user calendar',
    description:
      '`scheduleAlarms` (task `schedule-alarms`): for every registered user, calendar and event, creates the ' +
      'missing pending alarm entries (existing ones are kept).',
  })
  @ApiQuery({ name: 'task', enum: CALENDAR_TASKS })
  @ApiQuery({ name: 'eventsPerSecond', required: false, description: 'Integer > 0, default 100' })
  @ApiCreatedResponse({
    description: 'Task submitted; `Location: /tasks/{taskId}`',
    schema: { example: { taskId: '6c1f4b2e-0d9a-4a55-8f3e-2a71c0b9d4e1' } },
  })
  @ApiBadRequestResponse({ description: 'Missing or unknown `task`, invalid `eventsPerSecond`' })
  async run(
    @Query('task') task: string | undefined,
    @Query('eventsPerSecond') eventsPerSecond: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ taskId: string }> {
    if (task === undefined || !(CALENDAR_TASKS as readonly string[]).includes(task.trim()))
      throw WebadminError.invalidArgument(
        task === undefined || task.trim() === ''
          ? "'task' query parameter is compulsory. Supported values are [scheduleAlarms]"
          : `Invalid value supplied for query parameter 'task': ${task}. Supported values are [scheduleAlarms]`,
      );
    const perSecond = eventsPerSecondOf(eventsPerSecond);
    return taskSubmitted(response, await this.commandBus.execute(new RescheduleAlarmsCommand(perSecond)));
  }
}
