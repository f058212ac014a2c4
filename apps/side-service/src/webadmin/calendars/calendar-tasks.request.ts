import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateIf } from 'class-validator';
import {
  type ArchiveCriteriaInput,
  InvalidCriterionError,
  parseArchiveBoolean,
  parseArchiveCriteria,
  parseArchiveDuration,
} from '../../event-search/commands/archive-events/archive-criteria';
import { Answered } from '../../http/validation/answering';
import { WebadminError } from '../http/webadmin-error';
import { PositiveInteger, SupportedValue, positiveIntegerOr } from '../http/task-parameters';

const DEFAULT_EVENTS_PER_SECOND = 100;
const DEFAULT_CALENDARS_CONCURRENCY = 1;

type Parse = (parameter: string, raw: string) => unknown;

/** Why `parse` refuses a criterion, or `undefined` when it reads it. */
function refusal(parse: Parse, parameter: string, raw: unknown): InvalidCriterionError | undefined {
  try {
    parse(parameter, String(raw));
    return undefined;
  } catch (error) {
    if (error instanceof InvalidCriterionError) return error;
    throw error;
  }
}

/** True when the query selects `task`, the only one a parameter applies to. */
const forTask =
  (task: string) =>
  (query: { task?: unknown }): boolean =>
    typeof query.task === 'string' && query.task.trim() === task;

/**
 * An archive criterion (webadmin.md §7.3), read by `parse` and checked only with `task=archive`; else 400
 * `Invalid value supplied for query parameter '<name>': <value>. <reason>`.
 */
const Criterion =
  (parse: Parse, description: string): PropertyDecorator =>
  (target, key) => {
    ApiPropertyOptional({ description })(target, key);
    Answered(
      'archiveCriterion',
      (value) => refusal(parse, String(key), value) === undefined,
      (value) => {
        const error = refusal(parse, String(key), value)!;
        return WebadminError.invalidArgument(error.message, error.reason);
      },
    )(target, key);
    IsOptional()(target, key);
    ValidateIf(forTask('archive'))(target, key);
  };

const Duration = (meaning: string) =>
  Criterion(parseArchiveDuration, `Duration (default unit years): ${meaning} before now − duration`);
const Flag = (meaning: string) =>
  Criterion(parseArchiveBoolean, `true/false (yes/no, on/off): only events ${meaning}`);

/** The archive criteria and the rate, shared by both calendar task routes (their own properties are checked first). */
abstract class ArchiveCriteriaRequestDto {
  abstract eventsPerSecond?: string;

  @Duration('DTSTAMP') createdBefore?: string;
  @Duration('LAST-MODIFIED') lastModifiedBefore?: string;
  @Duration('master DTSTART') masterDtStartBefore?: string;
  @Flag('I declined') isRejected?: string;
  @Flag('without RRULE, RDATE, RECURRENCE-ID') isNotRecurring?: string;

  get criteria(): ArchiveCriteriaInput {
    return parseArchiveCriteria(this);
  }

  get rate(): number {
    return positiveIntegerOr(this.eventsPerSecond, DEFAULT_EVENTS_PER_SECOND);
  }
}

export const ALL_USERS_TASKS = ['reindex', 'scheduleAlarms', 'archive'] as const;
export type AllUsersTask = (typeof ALL_USERS_TASKS)[number];

/** `POST /calendars?task=reindex|scheduleAlarms|archive[&eventsPerSecond][&calendarsConcurrency][&<criteria>]`. */
export class CalendarTasksRequestDto extends ArchiveCriteriaRequestDto {
  @SupportedValue(ALL_USERS_TASKS) task!: string;
  @PositiveInteger(DEFAULT_EVENTS_PER_SECOND) eventsPerSecond?: string;
  /** reindex only. */
  @PositiveInteger(DEFAULT_CALENDARS_CONCURRENCY)
  @ValidateIf(forTask('reindex'))
  calendarsConcurrency?: string;

  get selected(): AllUsersTask {
    return this.task.trim() as AllUsersTask;
  }

  get concurrency(): number {
    return positiveIntegerOr(this.calendarsConcurrency, DEFAULT_CALENDARS_CONCURRENCY);
  }
}

/** `POST /calendars/{username}?task=archive[&eventsPerSecond][&<criteria>]`. */
export class UserArchiveRequestDto extends ArchiveCriteriaRequestDto {
  @SupportedValue(['archive']) task!: string;
  @PositiveInteger(DEFAULT_EVENTS_PER_SECOND) eventsPerSecond?: string;
}
