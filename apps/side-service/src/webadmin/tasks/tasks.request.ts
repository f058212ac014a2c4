import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString } from 'class-validator';
import { parseDuration } from '@app/core';
import type { TaskFilter } from '../../tasks/queries/list-tasks/list-tasks.query';
import { TASK_STATUSES, type TaskStatus } from '../../tasks/task';
import { Answered } from '../../http/validation/answering';
import { WebadminError } from '../http/webadmin-error';

/** ISO-8601 date-time with an offset (`Z`, `+02:00`, `+0200`). */
const DATE_TIME = /[T ].*(Z|[+-]\d\d:?\d\d)$/;
const MAX_AWAIT_MS = 365 * 86_400_000;

const dateTime = (value: unknown): unknown => {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date;
};

/** An optional query parameter of `GET /tasks` read by `read`; else 400 `Invalid <name> query parameter`. */
const TaskListParameter =
  (read: (value: unknown) => unknown, accepts: (value: unknown) => boolean): PropertyDecorator =>
  (target, key) => {
    IsOptional()(target, key);
    Transform(({ value }: { value: unknown }) => read(value))(target, key);
    Answered('taskListParameter', accepts, (value) =>
      WebadminError.invalidArgument(`Invalid ${String(key)} query parameter`, String(value)),
    )(target, key);
  };

/** A date-time bound of `GET /tasks`. */
const DateBound = (): PropertyDecorator => (target, key) => {
  ApiPropertyOptional({ type: 'string', format: 'date-time', example: '2026-03-02T09:15:04Z' })(target, key);
  TaskListParameter(dateTime, (value) => value instanceof Date)(target, key);
};

/** `offset` and `limit`: digits only. */
const Count = (): PropertyDecorator => (target, key) => {
  ApiPropertyOptional({ type: 'integer', minimum: 0 })(target, key);
  TaskListParameter(
    (value) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value),
    (value) => typeof value === 'number',
  )(target, key);
};

/** The query of `GET /tasks` (webadmin.md §2.3): every parameter optional; the first invalid one answers 400. */
export class TaskListRequestDto {
  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @IsOptional()
  @Answered(
    'taskStatus',
    (value) => TASK_STATUSES.includes(value as TaskStatus),
    () =>
      WebadminError.invalidArgument(
        'Invalid status query parameter',
        `Supported statuses are: ${TASK_STATUSES.join(', ')}`,
      ),
  )
  status?: TaskStatus;

  @ApiPropertyOptional({ example: 'reindex-calendar-events' }) @IsOptional() @IsString() type?: string;
  @DateBound() submittedBefore?: Date;
  @DateBound() submittedAfter?: Date;
  @DateBound() startedBefore?: Date;
  @DateBound() startedAfter?: Date;
  @DateBound() completedBefore?: Date;
  @DateBound() completedAfter?: Date;
  @DateBound() failedBefore?: Date;
  @DateBound() failedAfter?: Date;
  @Count() offset?: number;
  @Count() limit?: number;

  get filter(): TaskFilter {
    const dates: NonNullable<TaskFilter['dates']> = {};
    const bounds = [
      ['submitDate', this.submittedBefore, this.submittedAfter],
      ['startedDate', this.startedBefore, this.startedAfter],
      ['completedDate', this.completedBefore, this.completedAfter],
      ['failedDate', this.failedBefore, this.failedAfter],
    ] as const;
    for (const [field, before, after] of bounds) if (before || after) dates[field] = { before, after };
    return { status: this.status, type: this.type, dates, offset: this.offset, limit: this.limit };
  }
}

/** `?timeout=` of the await routes (webadmin.md §2.3): a duration, default unit seconds, at most 365 days. */
export class AwaitTaskRequestDto {
  @ApiPropertyOptional({
    description: 'Duration, default unit seconds (30, 30s, 5m, 1d); default and maximum 365 days',
    example: '30s',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => {
    const ms = typeof value === 'string' ? parseDuration(value, 's') : undefined;
    return ms !== undefined && ms <= MAX_AWAIT_MS ? ms : value;
  })
  @Answered(
    'awaitTimeout',
    (value) => typeof value === 'number',
    (value) => WebadminError.invalidArgument('Invalid timeout', String(value)),
  )
  timeout?: number;

  get timeoutMs(): number {
    return this.timeout ?? MAX_AWAIT_MS;
  }
}
