import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, Max, Min } from 'class-validator';

export interface SearchLimitOptions {
  /** Largest accepted value (people search: 256); none when absent. */
  max?: number;
  /** Query parameters arrive as text: digits only are converted, anything else fails `must be an integer`. */
  fromQuery?: boolean;
  /** Absent means this default (event search: 30); without it the limit is required. */
  optional?: boolean;
  field?: string;
}

const asQueryInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^[+-]?\d+$/.test(value.trim()) ? Number(value) : value;

/**
 * The one rule for result limits of searches (rest-api.md §5.7, §6.5): an integer, `Limit must be greater than 0`,
 * `Maximum limit allowed: <max>, but got: <n>`. Used on DTO properties, bodies and query parameters alike.
 */
export function SearchLimit(options: SearchLimitOptions = {}): PropertyDecorator {
  const field = options.field ?? 'limit';
  const decorators: PropertyDecorator[] = [
    options.optional ? IsOptional() : IsDefined({ message: `${field} is required` }),
    IsInt({ message: `${field} must be an integer` }),
    Min(1, { message: 'Limit must be greater than 0' }),
  ];
  if (options.max !== undefined) {
    const max = options.max;
    decorators.push(
      Max(max, { message: ({ value }) => `Maximum limit allowed: ${max}, but got: ${String(value)}` }),
    );
  }
  if (options.fromQuery) decorators.unshift(Transform(asQueryInteger));
  return applyDecorators(...decorators);
}
