import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseDuration } from '@app/core';
import { CancelTaskCommand } from '../../tasks/commands/cancel-task/cancel-task.command';
import { GetTaskQuery } from '../../tasks/queries/get-task/get-task.query';
import { ListTasksQuery, TaskFilter } from '../../tasks/queries/list-tasks/list-tasks.query';
import { TASK_STATUSES, TaskStatus } from '../../tasks/task';
import { WebadminError } from '../http/webadmin-error';
import { awaitedTaskJson, toTaskJson } from './task-json';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_AWAIT_MS = 365 * 86_400_000;
const DATE_PARAMETERS = {
  submitted: 'submitDate',
  started: 'startedDate',
  completed: 'completedDate',
  failed: 'failedDate',
} as const;

export function taskId(raw: string): string {
  if (!UUID.test(raw)) throw WebadminError.invalidArgument('Invalid task id', raw);
  return raw.toLowerCase();
}

/** `timeout` of the await routes: a duration (default unit seconds), default and maximum 365 days. */
export function awaitTimeoutMs(timeout: string | undefined): number {
  const timeoutMs = timeout === undefined ? MAX_AWAIT_MS : parseDuration(timeout, 's');
  if (timeoutMs === undefined || timeoutMs > MAX_AWAIT_MS)
    throw WebadminError.invalidArgument('Invalid timeout', timeout ?? null);
  return timeoutMs;
}

function dateParameter(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = /[T ].*(Z|[+-]\d\d:?\d\d)$/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime()))
    throw WebadminError.invalidArgument(`Invalid ${name} query parameter`, value);
  return date;
}

function count(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw WebadminError.invalidArgument(`Invalid ${name} query parameter`, value);
  return Number(value);
}

@ApiTags('Tasks')
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Tasks of this node, newest first, filtered by status, type and dates' })
  async list(@Query() query: Record<string, string | undefined>): Promise<Record<string, unknown>[]> {
    if (query.status !== undefined && !TASK_STATUSES.includes(query.status as TaskStatus))
      throw WebadminError.invalidArgument(
        'Invalid status query parameter',
        `Supported statuses are: ${TASK_STATUSES.join(', ')}`,
      );
    const dates: NonNullable<TaskFilter['dates']> = {};
    for (const [prefix, field] of Object.entries(DATE_PARAMETERS)) {
      const before = dateParameter(`${prefix}Before`, query[`${prefix}Before`]);
      const after = dateParameter(`${prefix}After`, query[`${prefix}After`]);
      if (before || after) dates[field] = { before, after };
    }
    const tasks = await this.queryBus.execute(
      new ListTasksQuery({
        status: query.status as TaskStatus | undefined,
        type: query.type,
        dates,
        offset: count('offset', query.offset),
        limit: count('limit', query.limit),
      }),
    );
    return tasks.map(toTaskJson);
  }

  @Get(':taskId')
  @ApiOperation({ summary: 'One task' })
  async get(@Param('taskId') raw: string): Promise<Record<string, unknown>> {
    const details = await this.queryBus.execute(new GetTaskQuery(taskId(raw)));
    if (!details) throw WebadminError.notFound(`${raw} can not be found`);
    return toTaskJson(details);
  }

  @Get(':taskId/await')
  @ApiOperation({
    summary: 'Wait until the task is finished (timeout: duration, default unit seconds, at most 365 days)',
  })
  async await(
    @Param('taskId') raw: string,
    @Query('timeout') timeout?: string,
  ): Promise<Record<string, unknown>> {
    return awaitedTaskJson(this.queryBus, taskId(raw), raw, awaitTimeoutMs(timeout));
  }

  @Delete(':taskId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Request cancellation (unknown ids are ignored)' })
  async cancel(@Param('taskId') raw: string): Promise<void> {
    await this.commandBus.execute(new CancelTaskCommand(taskId(raw)));
  }
}
