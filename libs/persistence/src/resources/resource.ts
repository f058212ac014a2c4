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

/** What a new resource is created with. */
export interface NewResource {
  name: string;
  description: string;
  icon: string;
  creatorId: string;
  domainId: string;
}

/** The fields an update may change; absent ones are kept. */
export interface ResourceChanges {
  name?: string;
  description?: string;
  icon?: string;
}
