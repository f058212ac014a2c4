import { Command } from '@nestjs/cqrs';

/** The caller's secret link to a calendar (created when missing, or replaced when `reset`): the full URL. */
export class GetSecretLinkCommand extends Command<string> {
  constructor(
    public readonly username: string,
    public readonly calendarHomeId: string,
    public readonly calendarId: string,
    public readonly reset: boolean,
  ) {
    super();
  }
}
