import { ErrorCode } from './error-code';

/** Base of every error the application raises on purpose. `message` is safe to show to the caller. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: string | null = null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidArgumentError extends DomainError {
  constructor(message: string, details: string | null = null) {
    super(ErrorCode.InvalidArgument, message, details);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string, details: string | null = null) {
    super(ErrorCode.NotFound, message, details);
  }
}

export class AlreadyExistsError extends DomainError {
  constructor(message: string, details: string | null = null) {
    super(ErrorCode.AlreadyExists, message, details);
  }
}

export class WrongStateError extends DomainError {
  constructor(message: string, details: string | null = null) {
    super(ErrorCode.WrongState, message, details);
  }
}

/** The request body could not be parsed (malformed JSON, bad encoding). */
export class MalformedBodyError extends InvalidArgumentError {
  constructor(details: string | null) {
    super('The request body could not be parsed', details);
  }
}

/**
 * The request body could not even be read: unknown charset or content encoding (415), over the size limit (413),
 * compressed data that does not decompress (400). `details` is safe to show.
 */
export class UnreadableBodyError extends InvalidArgumentError {
  constructor(
    readonly status: 400 | 413 | 415,
    details: string,
  ) {
    super('The request body could not be read', details);
  }
}

/** Where a request validation failure lies: the JSON itself, its shape (missing/unknown field) or a value. */
export type RequestViolation = 'json' | 'shape' | 'value';

/**
 * A request body, query or path parameter failed its DTO's validation (the global validation pipe). `details` is
 * the first failed rule's message, written for the caller.
 */
export class RequestValidationError extends InvalidArgumentError {
  constructor(
    readonly violation: RequestViolation,
    details: string,
  ) {
    super('Invalid request', details);
  }
}

/**
 * A dependency (mail server, DAV server, search engine, database) cannot serve now; the same work may succeed later.
 * AMQP consumers put the message aside in their retry queue (bounded), then dead-letter it.
 */
export class DependencyUnavailableError extends DomainError {
  constructor(message: string, details: string | null = null) {
    super(ErrorCode.UpstreamFailure, message, details);
  }
}

/**
 * The same piece of work is being done elsewhere right now (another consumer holds its lease). Consumers put the
 * message aside and come back later, without counting it against their retry budget and never dead-lettering it:
 * the lease ends, or the other party finishes.
 */
export class WorkInProgressElsewhereError extends DomainError {
  constructor(message: string, details: string | null = null) {
    super(ErrorCode.WrongState, message, details);
  }
}

/** Too many failed attempts from this account or address: 429 with `Retry-After` (whole seconds). */
export class TooManyRequestsError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    details: string,
  ) {
    super(ErrorCode.TooManyRequests, 'Too Many Requests', details);
  }
}

/**
 * What the logs say of a failure: `message: details` when there are details, `CODE message` for a system error
 * (`ECONNREFUSED …`), else the message.
 */
export function reasonOf(error: unknown): string {
  if (error instanceof DomainError && error.details) return `${error.message}: ${error.details}`;
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' && !error.message.startsWith(code)
    ? `${code} ${error.message}`
    : error.message;
}
