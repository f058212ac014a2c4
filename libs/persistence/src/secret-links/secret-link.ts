/** A token allowing the unauthenticated ICS download of one calendar, as the user who asked for it. */
export interface SecretLink {
  /** ObjectId hex of the owner (the user who asked for the link). */
  userId: string;
  calendarHomeId: string;
  calendarId: string;
  token: string;
}
