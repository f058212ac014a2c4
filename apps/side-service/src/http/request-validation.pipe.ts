import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { RequestValidationError, RequestViolation } from '@app/core';
import { UnparsableJsonBody } from './request-body';
import type { Answer } from './validation/answering';
import { invalidBodyError } from './validation/invalid-body-as';
import { isStrictBody } from './validation/strict-body';

/** Constraints whose failure means the JSON has the wrong shape rather than a wrong value. */
const SHAPE_CONSTRAINTS = new Set(['whitelistValidation', 'isDefined', 'unknownValue', 'nestedValidation']);

interface Failure {
  shape: boolean;
  message: string;
  /** The failed constraint's own error (`answering()`), if it has one. */
  answer?: Error;
}

function firstFailure(errors: ValidationError[]): Failure | undefined {
  for (const error of errors) {
    const entries = Object.entries(error.constraints ?? {});
    // class-validator reports the constraints of one property in reverse declaration order.
    const last = entries.at(-1);
    if (last) {
      const context = error.contexts?.[last[0]] as { violation?: string; answer?: Answer } | undefined;
      return {
        shape: SHAPE_CONSTRAINTS.has(last[0]) || context?.violation === 'shape',
        message: last[1],
        answer: context?.answer?.(error.value),
      };
    }
    const nested = firstFailure(error.children ?? []);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * Query parameters a route may receive several times: `name[]` ones, and those the spec makes repeatable
 * (`/healthcheck?check=`). Every other query parameter is scalar.
 */
const REPEATABLE_QUERY_PARAMETERS = new Set(['check']);
const isRepeatable = (name: string): boolean => name.endsWith('[]') || REPEATABLE_QUERY_PARAMETERS.has(name);

/**
 * The one validation pipe of both servers: bodies and query parameters typed by a DTO class are transformed and
 * validated (class-validator); the first failure becomes a `RequestValidationError` that each server's exception
 * filter renders in its error format. Parameters typed `unknown`/`object` are left to the route, with an
 * unparsable JSON body seen as no body at all.
 */
@Injectable()
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: false,
      forbidUnknownValues: true,
      stopAtFirstError: true,
      exceptionFactory: (errors) => {
        const failure = firstFailure(errors);
        if (failure?.answer) return failure.answer;
        const violation: RequestViolation = failure?.shape ? 'shape' : 'value';
        return new RequestValidationError(violation, failure?.message ?? 'Invalid request');
      },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const asError = metadata.type === 'body' ? invalidBodyError(metadata.metatype) : undefined;
    if (!asError) return this.check(value, metadata);
    // An `@InvalidBodyAs()` DTO answers its route's own error for every refusal.
    try {
      return await this.check(value, metadata);
    } catch (error) {
      if (error instanceof RequestValidationError) throw asError(error.details ?? error.message);
      throw error;
    }
  }

  private async check(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A scalar query parameter given twice (`?task=a&task=b`) arrives as an array: refused here, once for all routes
    // (controllers read whole query strings, into DTOs).
    if (metadata.type === 'query' && value !== null && typeof value === 'object') {
      const repeated = Object.entries(value as Record<string, unknown>).find(
        ([name, item]) => Array.isArray(item) && !isRepeatable(name),
      );
      if (repeated)
        throw new RequestValidationError('value', `Query parameter '${repeated[0]}' must be given once`);
    }
    const isDto = metadata.metatype !== undefined && this.toValidate(metadata);
    if (value instanceof UnparsableJsonBody) {
      if (isDto) throw new RequestValidationError('json', 'Invalid JSON body');
      return undefined;
    }
    if (!isDto) return value;
    if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value)))
      throw new RequestValidationError('shape', 'Expecting a JSON object');
    try {
      return await super.transform(value ?? {}, metadata);
    } catch (error) {
      // class-transformer copies the body recursively: JSON nested deeper than the stack allows is refused here.
      if (error instanceof RangeError)
        throw new RequestValidationError('shape', 'The JSON body is nested too deeply');
      throw error;
    }
  }

  /** A `@StrictBody()` DTO refuses the properties it does not declare. */
  protected override validate(
    object: object,
    validatorOptions?: ValidatorOptions,
  ): Promise<ValidationError[]> | ValidationError[] {
    return super.validate(
      object,
      isStrictBody(object) ? { ...validatorOptions, forbidNonWhitelisted: true } : validatorOptions,
    );
  }
}
