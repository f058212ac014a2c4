import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiRequestTimeoutResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CancelTaskCommand } from '../../tasks/commands/cancel-task/cancel-task.command';
import { GetTaskQuery } from '../../tasks/queries/get-task/get-task.query';
import type { TaskDetails } from '../../tasks/task';
import { taskBelongsToDomain } from '../../tasks/task-ownership';
import { existingDomain } from '../domains/domain-param';
import { WebadminError } from '../http/webadmin-error';
import { awaitedTaskJson, toTaskJson } from './task-json';
import { taskId } from './tasks.webadmin.controller';
import { AwaitTaskRequestDto } from './tasks.request';

const NOT_FOUND =
  'Unknown domain (`Domain <d> does not exist`), unknown task or task of another domain (`<id> can not be found`)';

/** Task routes restricted to the tasks of one domain (webadmin.md §2.6); a foreign task is 404 like an unknown one. */
@ApiTags('Tasks')
@ApiParam({ name: 'domain', example: 'example.com' })
@ApiBadRequestResponse({
  description: 'Invalid domain (`Invalid domain: <d>`) or task id (`Invalid task id`)',
})
@ApiNotFoundResponse({ description: NOT_FOUND })
@Controller('domains/:domain/tasks')
export class DomainTasksController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get(':taskId')
  @ApiOperation({ summary: 'One task of the domain' })
  @ApiOkResponse({ description: 'Task details' })
  async get(@Param('domain') domain: string, @Param('taskId') raw: string): Promise<Record<string, unknown>> {
    return toTaskJson(await this.owned(domain, raw));
  }

  @Get(':taskId/await')
  @ApiOperation({ summary: 'Wait until the task of the domain is finished (ownership checked first)' })
  @ApiOkResponse({ description: 'Task details once finished' })
  @ApiRequestTimeoutResponse({ description: '`The timeout has been reached`' })
  async await(
    @Param('domain') domain: string,
    @Param('taskId') raw: string,
    @Query() query: AwaitTaskRequestDto,
  ): Promise<Record<string, unknown>> {
    const details = await this.owned(domain, raw);
    return awaitedTaskJson(this.queryBus, details.taskId, raw, query.timeoutMs);
  }

  @Delete(':taskId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Request cancellation of a task of the domain (204 also when already finished)' })
  @ApiNoContentResponse({ description: 'Cancellation requested' })
  async cancel(@Param('domain') domain: string, @Param('taskId') raw: string): Promise<void> {
    const details = await this.owned(domain, raw);
    await this.commandBus.execute(new CancelTaskCommand(details.taskId));
  }

  private async owned(rawDomain: string, rawId: string): Promise<TaskDetails> {
    const id = taskId(rawId);
    const domain = await existingDomain(this.queryBus, rawDomain, (name) => `Domain ${name} does not exist`);
    const details = await this.queryBus.execute(new GetTaskQuery(id));
    if (!details || !taskBelongsToDomain(details, domain.name))
      throw WebadminError.notFound(`${rawId} can not be found`);
    return details;
  }
}
