import { Injectable } from '@nestjs/common';
import { DavHttpClient, DavRequest, DavResponse } from '../dav-http.client';
import { DavIdentity } from '../dav-identity';
import { DavCalendarJson, selfHref } from '../dav-json';
import { DavPaths, withoutJsonSuffix } from '../dav-paths';
import {
  CalendarQueryFilter,
  CalendarQueryObject,
  calendarQueryBody,
  multistatusObjects,
} from './calendar-query';

const JSON_TYPE = 'application/json';

/** The default listing flags (dav.md §4.1). */
export const DEFAULT_CALENDAR_LISTING =
  'personal=true&sharedDelegationStatus=accepted&sharedPublicSubscription=true&withRights=true';

/** A calendar of a home listing: its own path and, for subscriptions and delegations, its source (dav.md §4.1). */
export interface ListedCalendar {
  homeId: string;
  calendarId: string;
  /** `/calendars/{home}/{cal}` of the calendar itself. */
  path: string;
  kind: 'personal' | 'subscription' | 'delegation';
  /** The source's `{home, calendar}`: the calendar itself unless subscribed or delegated. */
  source: { homeId: string; calendarId: string };
  json: DavCalendarJson;
}

function calendarRef(href: string | null | undefined): { homeId: string; calendarId: string } | undefined {
  if (typeof href !== 'string') return undefined;
  const segments = withoutJsonSuffix(href).split('?', 1)[0]!.split('/').filter(Boolean);
  if (segments.length !== 3 || segments[0] !== 'calendars') return undefined;
  return { homeId: decodeURIComponent(segments[1]!), calendarId: decodeURIComponent(segments[2]!) };
}

/** What a home listing element is (dav.md §4.1); elements without a usable href are skipped. */
export function listedCalendar(json: DavCalendarJson): ListedCalendar | undefined {
  const own = calendarRef(selfHref(json));
  if (!own) return undefined;
  const subscribed = calendarRef(selfHref(json['calendarserver:source'] ?? undefined));
  const delegated = calendarRef(json['calendarserver:delegatedsource']);
  return {
    ...own,
    path: DavPaths.calendar(own.homeId, own.calendarId),
    kind: subscribed ? 'subscription' : delegated ? 'delegation' : 'personal',
    source: subscribed ?? delegated ?? own,
    json,
  };
}

/** Calendar listing, calendar-query REPORTs and calendar creation (dav.md §5.6, §5.7, §6.2). */
@Injectable()
export class DavCalendarsClient {
  constructor(private readonly http: DavHttpClient) {}

  /** `GET /calendars/{home}.json?{flags}` (Accept JSON); an empty answer is an empty list (dav.md §4.1). */
  async listCalendars(
    identity: DavIdentity,
    homeId: string,
    flags = DEFAULT_CALENDAR_LISTING,
  ): Promise<ListedCalendar[]> {
    const path = `${DavPaths.calendarHome(homeId)}.json?${flags}`;
    const response = await this.http.expect(
      { method: 'GET', path, identity, headers: { accept: JSON_TYPE } },
      [200],
    );
    const text = await response.body.text();
    if (!text.trim()) return [];
    const body = JSON.parse(text) as { _embedded?: { 'dav:calendar'?: DavCalendarJson[] } };
    return (body._embedded?.['dav:calendar'] ?? []).flatMap((json) => listedCalendar(json) ?? []);
  }

  /**
   * `REPORT /calendars/{home}/{cal}` (`Depth: 1`, calendar-query of dav.md §6.2): the matching objects, read from the
   * 207 answer as it streams. Any other status is an error.
   */
  async *calendarQuery(
    identity: DavIdentity,
    homeId: string,
    calendarId: string,
    filters: readonly CalendarQueryFilter[] = [],
    signal?: AbortSignal,
  ): AsyncGenerator<CalendarQueryObject> {
    const response = await this.http.expect(
      {
        method: 'REPORT',
        path: DavPaths.calendar(homeId, calendarId),
        identity,
        headers: { 'content-type': 'application/xml', depth: '1' },
        body: calendarQueryBody(filters),
        signal,
      },
      [207],
    );
    try {
      yield* multistatusObjects(response.body);
    } finally {
      await response.body.dump().catch(() => undefined);
    }
  }

  /** `POST /calendars/{home}.json` (dav.md §5.7): creates a calendar; 201 expected. */
  async createCalendar(
    identity: DavIdentity,
    homeId: string,
    calendar: { id: string; name: string; color: string; description: string },
  ): Promise<void> {
    const response = await this.http.expect(
      {
        method: 'POST',
        path: `${DavPaths.calendarHome(homeId)}.json`,
        identity,
        headers: { accept: JSON_TYPE, 'content-type': JSON_TYPE },
        body: JSON.stringify({
          id: calendar.id,
          'dav:name': calendar.name,
          'apple:color': calendar.color,
          'caldav:description': calendar.description,
        }),
      },
      [201],
    );
    await response.body.dump().catch(() => undefined);
  }

  /** `DELETE {href}` of a calendar object: 204 (or 200), 404 tolerated (already gone); else an error. */
  async deleteObject(identity: DavIdentity, href: string): Promise<void> {
    const response = await this.http.expect({ method: 'DELETE', path: href, identity }, [200, 204, 404]);
    await response.body.dump().catch(() => undefined);
  }

  /** `GET /calendars/{home}.json?{flags}` (Accept JSON): the body as sent (may be empty, dav.md §4.1 quirk). */
  async homeJson(identity: DavIdentity, homeId: string, flags = DEFAULT_CALENDAR_LISTING): Promise<string> {
    const request: DavRequest = {
      method: 'GET',
      path: `${DavPaths.calendarHome(homeId)}.json?${flags}`,
      identity,
      headers: { accept: JSON_TYPE },
    };
    return (await this.http.expect(request, [200])).body.text();
  }

  /**
   * `GET /calendars/{home}/{cal}.json` (Accept JSON): true when 200 and `_links.self.href` is that path; 401/403/404
   * → false; else an error (dav.md §5.7).
   */
  async calendarExists(identity: DavIdentity, homeId: string, calendarId: string): Promise<boolean> {
    const path = `${DavPaths.calendar(homeId, calendarId)}.json`;
    const response = await this.http.expect(
      { method: 'GET', path, identity, headers: { accept: JSON_TYPE } },
      [200, 401, 403, 404],
    );
    if (response.status !== 200) {
      await dump(response);
      return false;
    }
    return selfHref((await response.body.json()) as DavCalendarJson) === path;
  }

  /** `PROPPATCH /calendars/{home}/{cal}.json` with a subset of `dav:name`, `apple:color`, `caldav:description`. */
  async updateCalendar(
    identity: DavIdentity,
    homeId: string,
    calendarId: string,
    properties: Record<string, string>,
  ): Promise<void> {
    const request: DavRequest = {
      method: 'PROPPATCH',
      path: `${DavPaths.calendar(homeId, calendarId)}.json`,
      identity,
      headers: {
        'content-type': 'application/json;charset=UTF-8',
        accept: 'application/json, text/plain, */*',
      },
      body: JSON.stringify(properties),
    };
    await dump(await this.http.expect(request, [200, 204, 207]));
  }

  /**
   * `PROPFIND /calendars/{home}/{cal}` without body nor Depth (dav.md §5.12): the names (without `.ics`) of the
   * objects whose `DAV:href` ends in `.ics`.
   */
  async objectNames(identity: DavIdentity, homeId: string, calendarId: string): Promise<string[]> {
    const request: DavRequest = {
      method: 'PROPFIND',
      path: DavPaths.calendar(homeId, calendarId),
      identity,
      headers: { 'content-type': 'application/xml' },
    };
    const xml = await (await this.http.expect(request, [207])).body.text();
    const names: string[] = [];
    for (const match of xml.matchAll(/<(?:[\w-]+:)?href>([^<]*)<\/(?:[\w-]+:)?href>/g)) {
      const href = match[1]!.trim();
      if (!href.endsWith('.ics')) continue;
      const last = href.split('/').pop()!;
      names.push(decodeURIComponent(last.slice(0, -'.ics'.length)));
    }
    return [...new Set(names)];
  }

  /** `DELETE /calendars/{home}/{cal}/{name}.ics` (`text/plain`, dav.md §5.12): 204, or 404 (already gone). */
  async deleteCalendarObject(
    identity: DavIdentity,
    homeId: string,
    calendarId: string,
    name: string,
  ): Promise<void> {
    const request: DavRequest = {
      method: 'DELETE',
      path: DavPaths.calendarObject(homeId, calendarId, name),
      identity,
      headers: { 'content-type': 'text/plain' },
    };
    await dump(await this.http.expect(request, [204, 404]));
  }

  /** `DELETE /calendars/{home}/{cal}.json` (dav.md §5.7): 204 (501 tolerated). */
  async deleteCalendar(identity: DavIdentity, homeId: string, calendarId: string): Promise<void> {
    const request: DavRequest = {
      method: 'DELETE',
      path: `${DavPaths.calendar(homeId, calendarId)}.json`,
      identity,
      headers: { 'content-type': JSON_TYPE },
    };
    await dump(await this.http.expect(request, [204, 501]));
  }
}

async function dump(response: DavResponse): Promise<void> {
  await response.body.dump().catch(() => undefined);
}
