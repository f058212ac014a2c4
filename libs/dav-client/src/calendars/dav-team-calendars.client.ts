import { Injectable } from '@nestjs/common';
import { DavHttpClient, DavRequest, DavResponse } from '../dav-http.client';
import { DavIdentity } from '../dav-identity';
import { DavInvite } from '../dav-json';
import { DavPaths } from '../dav-paths';

/** A team calendar member's role and right (webadmin.md §9.2; access 2, 3, 5). */
export const TEAM_CALENDAR_ROLES = {
  2: { role: 'viewer', davRight: 'dav:read' },
  3: { role: 'member', davRight: 'dav:read-write' },
  5: { role: 'manager', davRight: 'dav:administration' },
} as const;

export interface TeamCalendarMember {
  username: string;
  role: 'viewer' | 'member' | 'manager';
  davRight: 'dav:read' | 'dav:read-write' | 'dav:administration';
}

/**
 * The DAV side of team calendars (dav.md §5.10), always with the technical token of the team calendar's domain:
 * provisioning, naming, membership from the sharing entries, and deletion of the home.
 */
@Injectable()
export class DavTeamCalendarsClient {
  constructor(private readonly http: DavHttpClient) {}

  /** `PROPFIND /calendars/{id}/{id}`, `Depth: 0`: makes esn-sabre create the default calendar; 207 expected. */
  async provision(domainId: string, id: string): Promise<void> {
    const request: DavRequest = {
      method: 'PROPFIND',
      path: DavPaths.calendar(id, id),
      identity: DavIdentity.technical(domainId),
      headers: { depth: '0' },
    };
    await dump(await this.http.expect(request, [207]));
  }

  /**
   * `PROPPATCH /calendars/{id}/{id}.json` `{"dav:name"}`: 200/204/207. False when the DAV server no longer has the
   * calendar (404: deleted meanwhile, e.g. by a concurrent deletion of the team calendar).
   */
  async rename(domainId: string, id: string, name: string): Promise<boolean> {
    const request: DavRequest = {
      method: 'PROPPATCH',
      path: `${DavPaths.calendar(id, id)}.json`,
      identity: DavIdentity.technical(domainId),
      headers: {
        'content-type': 'application/json;charset=UTF-8',
        accept: 'application/json, text/plain, */*',
      },
      body: JSON.stringify({ 'dav:name': name }),
    };
    const response = await this.http.expect(request, [200, 204, 207, 404]);
    await dump(response);
    return response.status !== 404;
  }

  /**
   * `GET /calendars/{id}/{id}?withRights=true`: the `mailto:` sharees with an access level of 2, 3 or 5; undefined
   * when the DAV server no longer has the calendar (404).
   */
  async members(domainId: string, id: string): Promise<TeamCalendarMember[] | undefined> {
    const request: DavRequest = {
      method: 'GET',
      path: `${DavPaths.calendar(id, id)}?withRights=true`,
      identity: DavIdentity.technical(domainId),
      headers: { accept: 'application/json' },
    };
    const response = await this.http.expect(request, [200, 404]);
    if (response.status === 404) {
      await dump(response);
      return undefined;
    }
    const json = (await response.body.json()) as { invite?: DavInvite[] };
    const members: TeamCalendarMember[] = [];
    for (const invite of json.invite ?? []) {
      const href = invite.href?.trim() ?? '';
      const right = TEAM_CALENDAR_ROLES[invite.access as keyof typeof TEAM_CALENDAR_ROLES];
      if (!/^mailto:/i.test(href) || !right) continue;
      members.push({ username: href.slice('mailto:'.length).toLowerCase(), ...right });
    }
    return members;
  }

  /** `DELETE /calendars/{id}` (`application/json`): 204 or 404; 501 tolerated. */
  async deleteHome(domainId: string, id: string): Promise<void> {
    const request: DavRequest = {
      method: 'DELETE',
      path: DavPaths.calendarHome(id),
      identity: DavIdentity.technical(domainId),
      headers: { 'content-type': 'application/json' },
    };
    await dump(await this.http.expect(request, [204, 404, 501]));
  }
}

async function dump(response: DavResponse): Promise<void> {
  await response.body.dump().catch(() => undefined);
}
