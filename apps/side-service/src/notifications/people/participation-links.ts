import { UserJwtService } from '@app/auth';
import { AnswerLinks } from '../mails/event-blocks';

/** `calendarURI` of the tokens: the base id, second segment of `/calendars/{baseId}/{calendarId}/{file}.ics`. */
export function baseIdOf(eventPath: string): string {
  return eventPath.split('/').filter(Boolean)[1] ?? '';
}

/**
 * Yes / maybe / no links towards the external-attendee participation SPA (mail.md §2.4): `{spa.excal.url}/excal/
 * ?jwt=<token>`, RS256 tokens signed with the key shared with the DAV server (JWT_PRIVATE_KEY_PATH), without
 * expiry.
 */
export class ParticipationLinks {
  constructor(
    private readonly jwt: UserJwtService,
    private readonly excalUrl: string,
  ) {}

  async answerLinks(input: {
    attendeeEmail: string;
    organizerEmail: string;
    uid: string;
    eventPath: string;
  }): Promise<AnswerLinks> {
    const claims = {
      attendeeEmail: input.attendeeEmail,
      organizerEmail: input.organizerEmail,
      uid: input.uid,
      calendarURI: baseIdOf(input.eventPath),
    };
    const [yes, no, maybe] = await Promise.all(
      ['ACCEPTED', 'REJECTED', 'TENTATIVE'].map((action) =>
        this.jwt.signWithoutExpiry({ ...claims, action }),
      ),
    );
    const link = (token: string) => `${this.excalUrl}/excal/?jwt=${token}`;
    return { yes: link(yes!), maybe: link(maybe!), no: link(no!) };
  }
}
