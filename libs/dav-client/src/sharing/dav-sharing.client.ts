import { Injectable } from '@nestjs/common';
import { DavHttpClient } from '../dav-http.client';
import { DavIdentity } from '../dav-identity';
import { DavPaths } from '../dav-paths';

/** The sharing rights a calendar share may grant (dav.md §3: access 2, 3, 5). */
export type DavShareRight = 'dav:read' | 'dav:read-write' | 'dav:administration';

/** One change of a calendar's sharees (dav.md §5.5). */
export interface CalendarShareUpdate {
  /** Sharees granted (or changed to) a right, by e-mail address. */
  set: { email: string; right: DavShareRight }[];
  /** Sharees whose share is removed, by e-mail address. */
  remove: string[];
}

/** `shared`, or `not-found` when the calendar does not exist. */
export type CalendarShareOutcome = 'shared' | 'not-found';

/** Calendar sharing through esn-sabre's JSON endpoint (dav.md §5.5, §5.7). */
@Injectable()
export class DavSharingClient {
  constructor(private readonly http: DavHttpClient) {}

  /**
   * `POST /calendars/{home}/{cal}.json` with `{"share":{"set":[…],"remove":[…]}}`: each `set` entry carries exactly
   * one right set to `true`. 200/204 → shared; 404 → not found; anything else is an error (`DavRequestError`).
   */
  async share(
    identity: DavIdentity,
    homeId: string,
    calendarId: string,
    update: CalendarShareUpdate,
  ): Promise<CalendarShareOutcome> {
    const request = {
      method: 'POST',
      path: `${DavPaths.calendar(homeId, calendarId)}.json`,
      identity,
      headers: {
        'content-type': 'application/json;charset=UTF-8',
        accept: 'application/json, text/plain, */*',
      },
      body: JSON.stringify({
        share: {
          set: update.set.map(({ email, right }) => ({ 'dav:href': `mailto:${email}`, [right]: true })),
          remove: update.remove.map((email) => ({ 'dav:href': `mailto:${email}` })),
        },
      }),
    };
    const response = await this.http.expect(request, [200, 204, 404]);
    await response.body.dump().catch(() => undefined);
    return response.status === 404 ? 'not-found' : 'shared';
  }

  /**
   * `ACL /calendars/{home}/{cal}.json` with `{"public_right": "<privilege>"}` (`""`: private) (dav.md §5.7): 200 →
   * done; anything else is an error (`DavRequestError`).
   */
  async setPublicRight(
    identity: DavIdentity,
    homeId: string,
    calendarId: string,
    privilege: string,
  ): Promise<void> {
    const request = {
      method: 'ACL',
      path: `${DavPaths.calendar(homeId, calendarId)}.json`,
      identity,
      headers: { accept: 'application/json, text/plain, */*', 'content-type': 'application/json' },
      body: JSON.stringify({ public_right: privilege }),
    };
    const response = await this.http.expect(request, [200]);
    await response.body.dump().catch(() => undefined);
  }
}
