/** A bookable room or piece of equipment (storage.md §10); also a DAV principal with its own calendar home. */
export interface Resource {
  /** ObjectId hex; also the calendar home and default calendar id in DAV. */
  id: string;
  name: string;
  description: string | null;
  icon: string | null;
  deleted: boolean;
  creatorId: string | null;
  domainId: string;
  createdAt: Date | null;
  /** Absent (null) when equal to the creation. */
  updatedAt: Date | null;
}
