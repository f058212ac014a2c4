import { Query } from '@nestjs/cqrs';
import type { Readable } from 'node:stream';

/** The ICS of a calendar, streamed from DAV as the owner of the secret-link token (`null`: nothing exported). */
export class ExportCalendarQuery extends Query<Readable | null> {
  constructor(
    public readonly calendarHomeId: string,
    public readonly calendarId: string,
    public readonly token: string,
  ) {
    super();
  }
}
