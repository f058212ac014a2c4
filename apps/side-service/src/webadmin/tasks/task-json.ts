import type { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { AwaitTaskQuery } from '../../tasks/queries/await-task/await-task.query';
import type { TaskDetails } from '../../tasks/task';
import { WebadminError } from '../http/webadmin-error';

/** `yyyy-MM-dd'T'HH:mm:ss.SSSZ` in UTC, e.g. `2026-03-02T09:15:04.120+0000`. */
export function taskDate(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

export function toTaskJson(details: TaskDetails): Record<string, unknown> {
  const json: Record<string, unknown> = {
    taskId: details.taskId,
    type: details.type,
    status: details.status,
    submittedFrom: details.submittedFrom,
    executedOn: details.executedOn,
    cancelledFrom: details.cancelledFrom,
    submitDate: taskDate(details.submitDate),
  };
  for (const field of ['startedDate', 'completedDate', 'canceledDate', 'failedDate'] as const) {
    const date = details[field];
    if (date) json[field] = taskDate(date);
  }
  json.additionalInformation = details.additionalInformation;
  return json;
}

/** `…/tasks/{id}/await`: the task once it ended; 404 `<raw> can not be found`, 408 when the timeout comes first. */
export async function awaitedTaskJson(
  queryBus: QueryBus,
  taskId: string,
  raw: string,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const awaited = await queryBus.execute(new AwaitTaskQuery(taskId, timeoutMs));
  if (awaited.outcome === 'unknown') throw WebadminError.notFound(`${raw} can not be found`);
  if (awaited.outcome === 'timeout')
    throw new WebadminError(408, 'ServerError', 'The timeout has been reached');
  return toTaskJson(awaited.details);
}

/** 201 `{"taskId"}` with `Location: /tasks/{id}` (unless the route says otherwise). */
export function taskSubmitted(response: Response, taskId: string, withLocation = true): { taskId: string } {
  response.status(201);
  if (withLocation) response.setHeader('Location', `/tasks/${taskId}`);
  return { taskId };
}
