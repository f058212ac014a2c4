import type { Request, Response } from 'express';

/**
 * Answers requests that no route of the REST API matched and that are not for the DAV proxy (rest-api.md §1, §8).
 * The returned promise rejects with errors for the REST exception filter (e.g. a failed authentication).
 */
export abstract class UnmatchedRequestHandler {
  abstract handle(request: Request, response: Response): Promise<void>;
}
