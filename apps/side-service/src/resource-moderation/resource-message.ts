import { InvalidArgumentError } from '@app/core';

/** Body of `resource:calendar:event:{created,accepted,declined}` (events.md §2.4). */
export interface ResourceEventMessage {
  resourceId: string;
  /** `created`: object name of the resource copy; replies: the UID. A trailing `.ics` is removed. */
  eventId: string;
  eventPath: string;
  /** ICS of the current event. */
  ics: string;
}

export class InvalidResourceMessageError extends InvalidArgumentError {
  constructor(details: string) {
    super('The resource message is invalid', details);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses and validates a resource message; unknown fields are ignored. */
export function parseResourceEventMessage(content: Buffer | string): ResourceEventMessage {
  let body: unknown;
  try {
    body = JSON.parse(typeof content === 'string' ? content : content.toString('utf8'));
  } catch (error) {
    throw new InvalidResourceMessageError(`not JSON: ${(error as Error).message}`);
  }
  if (!isObject(body)) throw new InvalidResourceMessageError('the body must be a JSON object');
  for (const field of ['resourceId', 'eventId', 'ics'] as const)
    if (typeof body[field] !== 'string' || !body[field].trim())
      throw new InvalidResourceMessageError(`${field} is missing`);
  return {
    resourceId: (body.resourceId as string).trim(),
    eventId: (body.eventId as string).trim().replace(/\.ics$/i, ''),
    eventPath: typeof body.eventPath === 'string' ? body.eventPath : '',
    ics: body.ics as string,
  };
}
