import { Command } from '@nestjs/cqrs';

/** The outcome of an administrator's decision: written, or already in place (a replayed link writes nothing). */
export type ParticipationDecision = 'updated' | 'unchanged';

/**
 * An administrator accepts or declines a booking from the link of the request mail (rest-api.md §6.4): the
 * resource's PARTSTAT is set on its copy of the event.
 */
export class DecideParticipationCommand extends Command<ParticipationDecision> {
  constructor(
    public readonly resourceId: string,
    /** Object name of the resource's copy, without `.ics`. */
    public readonly eventPathId: string,
    public readonly status: string,
    public readonly referrer: string,
    public readonly jwt: string,
  ) {
    super();
  }
}
