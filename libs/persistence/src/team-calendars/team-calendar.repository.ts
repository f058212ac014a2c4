import { TeamCalendar } from './team-calendar';

/** What a new team calendar is made of; the id is generated client-side (storage.md §14). */
export interface NewTeamCalendar {
  domainId: string;
  domainName: string;
  name: string;
  displayName: string;
}

/** Port over `team_calendars`. */
export abstract class TeamCalendarRepository {
  /** Inserts with a client-side ObjectId and `creation` = `updated` = now. */
  abstract create(calendar: NewTeamCalendar): Promise<TeamCalendar>;
  /** The team calendars of a domain, oldest first. */
  abstract listByDomain(domainId: string): Promise<TeamCalendar[]>;
  /** `$set displayName, updated=now`; the updated calendar, or `undefined` when unknown. */
  abstract updateDisplayName(id: string, displayName: string): Promise<TeamCalendar | undefined>;
  /** Idempotent. */
  abstract delete(id: string): Promise<void>;
  /** A malformed id finds nothing. */
  abstract findById(id: string): Promise<TeamCalendar | undefined>;
  /**
   * Team calendars of the domain whose name, display name or `name@domain` contains the query (case-insensitive),
   * at most `limit`.
   */
  abstract search(domainId: string, query: string, limit: number): Promise<TeamCalendar[]>;
}
