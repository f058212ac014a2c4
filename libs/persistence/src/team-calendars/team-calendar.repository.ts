import { TeamCalendar } from './team-calendar';

/** Port over `team_calendars` (read side; creation comes with the webadmin). */
export abstract class TeamCalendarRepository {
  /** A malformed id finds nothing. */
  abstract findById(id: string): Promise<TeamCalendar | undefined>;
  /**
   * Team calendars of the domain whose name, display name or `name@domain` contains the query (case-insensitive),
   * at most `limit`.
   */
  abstract search(domainId: string, query: string, limit: number): Promise<TeamCalendar[]>;
}
