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
 * A dependency (mail server, DAV server, search engine, database) cannot serve now; the same work may succeed later.
 * AMQP consumers put the message aside in their retry queue (bounded), then dead-letter it.
 */
export class DependencyUnavailableError extends DomainError {
  constructor(message: string, details: string | null = null) {
    super(ErrorCode.UpstreamFailure, message, details);
  }
}

/** `message: details` when there are details, else the message: what the logs say of a failure. */
export function reasonOf(error: unknown): string {
  if (error instanceof DomainError && error.details) return `${error.message}: ${error.details}`;
  return error instanceof Error ? error.message : String(error);
}
