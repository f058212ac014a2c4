/** Timestamps the original does not keep are always written as the epoch (rest-api.md §1). */
export const EPOCH = '1970-01-01T00:00:00.000Z';

/** Instants as the original writes them: UTC, millisecond precision. */
export const instant = (date: Date | null | undefined): string => (date ?? new Date(0)).toISOString();
