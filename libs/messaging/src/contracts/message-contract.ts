import { InvalidArgumentError } from '@app/core';

/**
 * A message that can never be processed (unparsable, a required field missing or of the wrong type): the consumption
 * pipeline dead-letters it at once and logs `details`, which name the field.
 */
export class InvalidMessageError extends InvalidArgumentError {
  constructor(details: string) {
    super('The message is invalid', details);
  }
}

/**
 * One message type: its name (for logs) and its parser. `parse` reads the raw AMQP body (UTF-8 JSON) and returns the
 * typed, validated value, or throws `InvalidMessageError` naming the offending field. Unknown fields are ignored
 * (events.md §0).
 */
export interface MessageContract<T> {
  readonly name: string;
  parse(content: Buffer | string): T;
}

export function defineContract<T>(name: string, read: (body: JsonObject) => T): MessageContract<T> {
  return { name, parse: (content) => read(jsonObjectOf(content)) };
}

export type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as a JSON object. */
export function jsonObjectOf(content: Buffer | string): JsonObject {
  let body: unknown;
  try {
    body = JSON.parse(typeof content === 'string' ? content : content.toString('utf8'));
  } catch (error) {
    throw new InvalidMessageError(`not JSON: ${(error as Error).message}`);
  }
  if (!isJsonObject(body)) throw new InvalidMessageError('the body must be a JSON object');
  return body;
}

/** A non-blank string field. */
export function requiredString(body: JsonObject, field: string, what = field): string {
  const value = body[field];
  if (typeof value !== 'string' || !value.trim()) throw new InvalidMessageError(`${what} is missing`);
  return value;
}

/** A string field when present and not blank; anything else is absent. */
export function optionalString(body: JsonObject, field: string): string | undefined {
  const value = body[field];
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** A string field when present (blank included), null otherwise; a value of another type is refused. */
export function nullableString(body: JsonObject, field: string): string | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new InvalidMessageError(`${field} must be a string or null`);
  return value;
}

/** An object field when present, null otherwise; a value of another type is refused. */
export function nullableObject(body: JsonObject, field: string): JsonObject | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (!isJsonObject(value)) throw new InvalidMessageError(`${field} must be an object or null`);
  return value;
}
