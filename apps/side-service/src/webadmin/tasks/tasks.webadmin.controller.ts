import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CancelTaskCommand } from '../../tasks/commands/cancel-task/cancel-task.command';
import { GetTaskQuery } from '../../tasks/queries/get-task/get-task.query';
import { ListTasksQuery } from '../../tasks/queries/list-tasks/list-tasks.query';
import { WebadminError } from '../http/webadmin-error';
import { awaitedTaskJson, toTaskJson } from './task-json';
import { AwaitTaskRequestDto, TaskListRequestDto } from './tasks.request';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function taskId(raw: string): string {
  if (!UUID.test(raw)) throw WebadminError.invalidArgument('Invalid task id', raw);
  return raw.toLowerCase();
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
  async list(@Query() query: TaskListRequestDto): Promise<Record<string, unknown>[]> {
    const tasks = await this.queryBus.execute(new ListTasksQuery(query.filter));
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
    @Query() query: AwaitTaskRequestDto,
  ): Promise<Record<string, unknown>> {
    return awaitedTaskJson(this.queryBus, taskId(raw), raw, query.timeoutMs);
  }

  @Delete(':taskId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Request cancellation (unknown ids are ignored)' })
  async cancel(@Param('taskId') raw: string): Promise<void> {
    await this.commandBus.execute(new CancelTaskCommand(taskId(raw)));
  }
}
