import type { User } from '@app/persistence';

/** A registered user the viewer may see, with its time zone (the user object of rest-api.md §5.1). */
export interface VisibleUser {
  user: User;
  timezone: string;
}
