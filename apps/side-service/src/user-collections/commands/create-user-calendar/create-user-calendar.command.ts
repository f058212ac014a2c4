import { Command } from '@nestjs/cqrs';

/** Creates a calendar in the user's home (`POST /calendars/{userId}.json`); resolves to its id. */
export class CreateUserCalendarCommand extends Command<string> {
  constructor(
    public readonly username: string,
    public readonly calendar: { id: string; name: string; color: string; description: string },
  ) {
    super();
  }
}
