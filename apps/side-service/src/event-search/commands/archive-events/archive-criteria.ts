import { parseDuration } from '@app/core';

/** The criteria of the archive task, as given (webadmin.md §7.3): durations in ms, booleans. */
export interface ArchiveCriteriaInput {
  createdBeforeMs?: number;
  lastModifiedBeforeMs?: number;
  masterDtStartBeforeMs?: number;
  rejectedOnly: boolean;
  isNotRecurring: boolean;
}

/** The same resolved against "now": absolute instants (`additionalInformation.criteria`). */
export interface ArchiveCriteria {
  createdBefore: Date | null;
  lastModifiedBefore: Date | null;
  masterDtStartBefore: Date | null;
  rejectedOnly: boolean;
  isNotRecurring: boolean;
}

export class InvalidCriterionError extends Error {
  constructor(
    readonly parameter: string,
    readonly value: string,
    readonly reason: string,
  ) {
    super(`Invalid value supplied for query parameter '${parameter}': ${value}. ${reason}`);
  }
}

const TRUE = ['true', 'yes', 'on'];
const FALSE = ['false', 'no', 'off'];

/** `true`/`false`, `yes`/`no`, `on`/`off` (any case); absent → false. */
export function parseArchiveBoolean(parameter: string, raw: string | undefined): boolean {
  if (raw === undefined) return false;
  const value = raw.trim().toLowerCase();
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new InvalidCriterionError(parameter, raw, 'Expected true or false (also yes/no, on/off)');
}

/** Number + unit (`ms`, `s`, `m`, `h`, `d`, `w`, `month(s)`, `y`), default unit years, > 0. */
export function parseArchiveDuration(parameter: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const ms = parseDuration(raw, 'y');
  if (ms === undefined || !(ms > 0))
    throw new InvalidCriterionError(
      parameter,
      raw,
      'Expected a duration greater than 0, such as 2y, 6months or 30d',
    );
  return ms;
}

/** The criteria as query parameters (webadmin.md §7.3). */
export type ArchiveCriteriaParameters = Partial<
  Record<
    'createdBefore' | 'lastModifiedBefore' | 'masterDtStartBefore' | 'isRejected' | 'isNotRecurring',
    string
  >
>;

export function parseArchiveCriteria(query: ArchiveCriteriaParameters): ArchiveCriteriaInput {
  return {
    createdBeforeMs: parseArchiveDuration('createdBefore', query.createdBefore),
    lastModifiedBeforeMs: parseArchiveDuration('lastModifiedBefore', query.lastModifiedBefore),
    masterDtStartBeforeMs: parseArchiveDuration('masterDtStartBefore', query.masterDtStartBefore),
    rejectedOnly: parseArchiveBoolean('isRejected', query.isRejected),
    isNotRecurring: parseArchiveBoolean('isNotRecurring', query.isNotRecurring),
  };
}

export function resolveArchiveCriteria(input: ArchiveCriteriaInput, now: number): ArchiveCriteria {
  const before = (ms: number | undefined) => (ms === undefined ? null : new Date(now - ms));
  return {
    createdBefore: before(input.createdBeforeMs),
    lastModifiedBefore: before(input.lastModifiedBeforeMs),
    masterDtStartBefore: before(input.masterDtStartBeforeMs),
    rejectedOnly: input.rejectedOnly,
    isNotRecurring: input.isNotRecurring,
  };
}
