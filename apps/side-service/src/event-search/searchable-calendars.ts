import { Injectable } from '@nestjs/common';
import { DavCalendarsClient, DavIdentity } from '@app/dav-client';

export interface CalendarRef {
  userId: string;
  calendarId: string;
}

/**
 * Which calendar URLs (`home/calendar`) a search may read (rest-api.md §6.5, dav.md §5.7): a request for only the
 * caller's default calendar is used as is; otherwise each requested calendar is mapped through the caller's calendar
 * list (subscription → its source, delegation → its delegated source) and kept only when the result is the source
 * of a listed calendar.
 */
@Injectable()
export class SearchableCalendars {
  constructor(private readonly calendars: DavCalendarsClient) {}

  async resolve(caller: { id: string; email: string }, requested: CalendarRef[]): Promise<string[]> {
    if (!requested.length) return [];
    const only = requested.length === 1 ? requested[0]! : undefined;
    if (only && only.userId === caller.id && only.calendarId === caller.id)
      return [`${caller.id}/${caller.id}`];
    const listed = await this.calendars.listCalendars(DavIdentity.user(caller.email), caller.id);
    const key = (homeId: string, calendarId: string) => `${homeId}/${calendarId}`;
    const sourceOf = new Map(
      listed.map((calendar) => [
        key(calendar.homeId, calendar.calendarId),
        key(calendar.source.homeId, calendar.source.calendarId),
      ]),
    );
    const sources = new Set(sourceOf.values());
    const resolved = requested
      .map((ref) => sourceOf.get(key(ref.userId, ref.calendarId)) ?? key(ref.userId, ref.calendarId))
      .filter((url) => sources.has(url));
    return [...new Set(resolved)];
  }
}
