import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateBy, ValidateIf } from 'class-validator';
import { answering } from '../../http/validation/answering';
import { WebadminError } from './webadmin-error';

const isBlank = (raw: unknown): boolean => typeof raw !== 'string' || raw.trim() === '';
const supportedValues = (supported: readonly string[]) => `Supported values are [${supported.join(', ')}]`;

function unsupportedValue(name: string, raw: unknown, supported: readonly string[]): WebadminError {
  return isBlank(raw)
    ? WebadminError.invalidArgument(`'${name}' query parameter is compulsory. ${supportedValues(supported)}`)
    : WebadminError.invalidArgument(
        `Invalid value supplied for query parameter '${name}': ${String(raw)}. ${supportedValues(supported)}`,
      );
}

const isPositiveInteger = (raw: string): boolean =>
  /^\+?\d+$/.test(raw.trim()) && Number(raw) > 0 && Number.isSafeInteger(Number(raw));

const notPositiveInteger = (name: string, raw: unknown): WebadminError =>
  WebadminError.invalidArgument(
    `Invalid value supplied for query parameter '${name}': ${String(raw)}`,
    'a strictly positive integer is expected',
  );

/**
 * A compulsory enumerated query parameter of a webadmin task route (`task`, `action`; webadmin.md §5, §7): its
 * trimmed value, else 400 `'<name>' query parameter is compulsory…` or `Invalid value supplied for query parameter…`.
 */
export function supportedValue(name: string, raw: string | undefined, supported: readonly string[]): string {
  if (raw === undefined || !supported.includes(raw.trim())) throw unsupportedValue(name, raw, supported);
  return raw.trim();
}

/** A rate or concurrency query parameter: an integer > 0 (else 400), `fallback` when absent. */
export function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!isPositiveInteger(raw)) throw notPositiveInteger(name, raw);
  return Number(raw);
}

/** `supportedValue` on a query DTO property (its name is the parameter's): spaces around the value are tolerated. */
export const SupportedValue = (supported: readonly string[]): PropertyDecorator => {
  return (target, key) =>
    applyDecorators(
      ApiProperty({ enum: supported, description: 'Compulsory' }),
      ValidateBy(
        {
          name: 'supportedValue',
          validator: {
            validate: (value: unknown) => typeof value === 'string' && supported.includes(value.trim()),
            defaultMessage: () => `'${String(key)}' must be one of ${supported.join(', ')}`,
          },
        },
        answering((value) => unsupportedValue(String(key), value, supported)),
      ),
    )(target, key);
};

/**
 * `positiveInteger` on a query DTO property: optional, the text of an integer > 0 when present (read it with
 * `positiveIntegerOr`).
 */
export const PositiveInteger = (fallback: number): PropertyDecorator => {
  return (target, key) =>
    applyDecorators(
      ApiPropertyOptional({ type: 'integer', minimum: 1, default: fallback }),
      ValidateIf((_, value) => value !== undefined),
      ValidateBy(
        {
          name: 'positiveInteger',
          validator: {
            validate: (value: unknown) => typeof value === 'string' && isPositiveInteger(value),
            defaultMessage: () => `'${String(key)}' must be an integer greater than 0`,
          },
        },
        answering((value) => notPositiveInteger(String(key), value)),
      ),
    )(target, key);
};

/** The value of a `@PositiveInteger()` property, `fallback` when absent. */
export const positiveIntegerOr = (raw: string | undefined, fallback: number): number =>
  raw === undefined ? fallback : Number(raw);
