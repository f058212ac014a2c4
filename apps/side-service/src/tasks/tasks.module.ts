import { Global, Module } from '@nestjs/common';
import { CancelTaskHandler } from './commands/cancel-task/cancel-task.handler';
import { AwaitTaskHandler } from './queries/await-task/await-task.handler';
import { GetTaskHandler } from './queries/get-task/get-task.handler';
import { ListTasksHandler } from './queries/list-tasks/list-tasks.handler';
import { TaskManager } from './task-manager';

const commandHandlers = [CancelTaskHandler];
const queryHandlers = [ListTasksHandler, GetTaskHandler, AwaitTaskHandler];

/** The node-local task manager; features submit their tasks to `TaskManager`. */
@Global()
@Module({ providers: [TaskManager, ...commandHandlers, ...queryHandlers], exports: [TaskManager] })
export class TasksModule {}
