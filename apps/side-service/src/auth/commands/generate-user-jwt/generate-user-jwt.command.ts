import { Command } from '@nestjs/cqrs';

/** A calendar JWT (RS256, `twake_calendar_auth_type: "jwt"`) for the authenticated user. */
export class GenerateUserJwtCommand extends Command<string> {
  constructor(public readonly username: string) {
    super();
  }
}
