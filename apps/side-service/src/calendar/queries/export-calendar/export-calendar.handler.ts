import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Readable } from 'node:stream';
import { InvalidArgumentError, sameSecret } from '@app/core';
import {
  DavClient,
  DavIdentity,
  DavPaths,
  DavRequestError,
  selfHref,
  withoutJsonSuffix,
} from '@app/dav-client';
import { SecretLink, SecretLinkRepository, UserRepository } from '@app/persistence';
import { CalendarNotFoundError, SecretLinkRejectedError } from '../../calendar.errors';
import { ExportCalendarQuery } from './export-calendar.query';

const TOKEN = /^[A-Za-z0-9_-]+$/;

/**
 * rest-api.md §5.5: the token must belong to this exact calendar path (compared in constant time against each link
 * of the calendar); the export runs as the link owner, following a subscription to its source.
 */
@QueryHandler(ExportCalendarQuery)
export class ExportCalendarHandler implements IQueryHandler<ExportCalendarQuery> {
  constructor(
    private readonly links: SecretLinkRepository,
    private readonly users: UserRepository,
    private readonly dav: DavClient,
  ) {}

  async execute(query: ExportCalendarQuery): Promise<Readable | null> {
    const token = query.token.trim();
    if (!TOKEN.test(token))
      throw new InvalidArgumentError(
        'Invalid token',
        'Invalid token: only letters, digits, hyphen, and underscore are allowed.',
      );
    const link = matching(await this.links.listByCalendar(query.calendarHomeId, query.calendarId), token);
    const owner = link && (await this.users.findById(link.userId));
    if (!owner) throw new SecretLinkRejectedError();

    const identity = DavIdentity.user(owner.email);
    const calendar = await this.dav.getCalendar(identity, query.calendarHomeId, query.calendarId);
    if (!calendar) throw new CalendarNotFoundError(`${query.calendarHomeId}/${query.calendarId}`);
    const source = calendar['calendarserver:source'];
    let path = DavPaths.calendar(query.calendarHomeId, query.calendarId);
    if (source) {
      const href = selfHref(source);
      if (!href) throw new DavRequestError('GET', path, 200, 'subscription without a source href');
      path = withoutJsonSuffix(href);
    }
    try {
      return (await this.dav.exportCalendar(identity, path)) ?? null;
    } catch (error) {
      // The source of a subscription is no longer visible to the owner: as for the calendar itself, 404.
      if (error instanceof DavRequestError && error.status === 404) throw new CalendarNotFoundError(path);
      throw error;
    }
  }
}

/** The link whose token equals `token`; every candidate is compared, in constant time. */
function matching(links: SecretLink[], token: string): SecretLink | undefined {
  let found: SecretLink | undefined;
  for (const link of links) if (sameSecret(link.token, token)) found = link;
  return found;
}
