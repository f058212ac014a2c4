import type { Domain, TeamCalendar } from '@app/persistence';
import { ShortDomainJson, shortDomainJson } from './domain.json';
import { instant } from './epoch';

export interface TeamCalendarJson {
  _id: string;
  name: string;
  displayName: string;
  timestamps: { creation: string; updatedAt?: string };
  domain: ShortDomainJson;
}

/**
 * `GET /api/team-calendars/{id}` (a domain without administrators) and the `teamCalendar` of `GET /api/entity/{id}`
 * (with them), rest-api.md §6.2, §6.3.
 */
export function teamCalendarJson(
  calendar: TeamCalendar,
  domain: Domain,
  options: { domainAdministrators: boolean },
): TeamCalendarJson {
  const updated =
    calendar.updatedAt && calendar.updatedAt.getTime() !== calendar.createdAt?.getTime()
      ? { updatedAt: instant(calendar.updatedAt) }
      : {};
  return {
    _id: calendar.id,
    name: calendar.name,
    displayName: calendar.displayName,
    timestamps: { creation: instant(calendar.createdAt), ...updated },
    domain: shortDomainJson(domain, { administrators: options.domainAdministrators }),
  };
}
