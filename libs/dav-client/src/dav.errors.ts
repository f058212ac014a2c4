import { DomainError, ErrorCode } from '@app/core';

const MAX_BODY_IN_MESSAGE = 2_000;

/** The DAV server answered with a status the operation does not accept (dav.md §7). */
export class DavRequestError extends DomainError {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(
      ErrorCode.UpstreamFailure,
      `DAV ${method} ${url} answered ${status}: ${body.slice(0, MAX_BODY_IN_MESSAGE)}`,
    );
  }
}

/** The DAV server could not be reached or did not answer in time. */
export class DavUnavailableError extends DomainError {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly reason: string,
  ) {
    super(ErrorCode.UpstreamFailure, `DAV ${method} ${url} failed: ${reason}`);
  }
}
