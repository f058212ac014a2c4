import { Command } from '@nestjs/cqrs';

/** Uses up the ticket of a socket upgrade: the ticket owner, or `undefined` (malformed, unknown, used, expired). */
export class AuthenticateSocketCommand extends Command<string | undefined> {
  constructor(readonly ticket: string) {
    super();
  }
}
