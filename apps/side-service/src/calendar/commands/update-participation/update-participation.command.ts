import { Command } from '@nestjs/cqrs';
import type { JCal } from '@app/dav-client';

export interface ParticipationLinks {
  yes: string;
  no: string;
  maybe: string;
}

/** The answer of the Excal participation route (rest-api.md §5.9). */
export interface ParticipationResult {
  eventJSON: JCal;
  attendeeEmail: string;
  locale: string;
  links: ParticipationLinks;
}

/** Sets an attendee's participation from a signed link (`jwt` query parameter) and returns the updated event. */
export class UpdateParticipationCommand extends Command<ParticipationResult> {
  constructor(public readonly jwt: string) {
    super();
  }
}
