/** A calendar shared by a team, owned by its own DAV principal (storage.md §14); addressable as `name@domain`. */
export interface TeamCalendar {
  /** ObjectId hex; also the calendar home and default calendar id in DAV. */
  id: string;
  domainId: string;
  domainName: string;
  /** Identifier, not unique. */
  name: string;
  displayName: string;
  createdAt: Date | null;
  updatedAt: Date | null;
}
