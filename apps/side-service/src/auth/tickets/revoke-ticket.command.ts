import { Command } from '@nestjs/cqrs';

/** Resolves to whether the caller owned the ticket (and it is now gone). */
export class RevokeTicketCommand extends Command<boolean> {
  constructor(
    public readonly ticket: string,
    public readonly username: string,
  ) {
    super();
  }
}
