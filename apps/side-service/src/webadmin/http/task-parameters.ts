import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import { Answered } from '../../http/validation/answering';
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

const isPositiveInteger = (raw: unknown): boolean =>
  typeof raw === 'string' &&
  /^\+?\d+$/.test(raw.trim()) &&
  Number(raw) > 0 &&
  Number.isSafeInteger(Number(raw));

const notPositiveInteger = (name: string, raw: unknown): WebadminError =>
  WebadminError.invalidArgument(
    `Invalid value supplied for query parameter '${name}': ${String(raw)}`,
    'a strictly positive integer is expected',
  );

/**
 * A compulsory enumerated query parameter of a webadmin task route (`task`, `action`; webadmin.md §5, §7; the
 * property's name is the parameter's): spaces around the value are tolerated, else 400 `'<name>' query parameter is
 * compulsory…` or `Invalid value supplied for query parameter…`.
 */
export const SupportedValue =
  (supported: readonly string[]): PropertyDecorator =>
  (target, key) =>
    applyDecorators(
      ApiProperty({ enum: supported, description: 'Compulsory' }),
      Answered(
        'supportedValue',
        (value) => typeof value === 'string' && supported.includes(value.trim()),
        (value) => unsupportedValue(String(key), value, supported),
      ),
    )(target, key);

/**
 * A rate or concurrency query parameter: optional, the text of an integer > 0 when present, else 400 (read it with
 * `positiveIntegerOr`).
 */
export const PositiveInteger =
  (fallback: number): PropertyDecorator =>
  (target, key) =>
    applyDecorators(
      ApiPropertyOptional({ type: 'integer', minimum: 1, default: fallback }),
      ValidateIf((_, value) => value !== undefined),
      Answered('positiveInteger', isPositiveInteger, (value) => notPositiveInteger(String(key), value)),
    )(target, key);

/** The value of a `@PositiveInteger()` property, `fallback` when absent. */
export const positiveIntegerOr = (raw: string | undefined, fallback: number): number =>
  raw === undefined ? fallback : Number(raw);
