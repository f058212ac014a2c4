import type { User } from '@app/persistence';
import { EPOCH } from './epoch';

/** The OpenPaaS *user object* (rest-api.md §5.1). */
export interface UserJson {
  _id: string;
  preferredEmail: string;
  emails: string[];
  firstname: string;
  lastname: string;
  objectType: 'user';
  main_phone: string;
  state: unknown[];
  followings: number;
  following: boolean;
  followers: number;
  timezone?: string;
  domains: { domain_id: string; joined_at: string }[];
}

/** The user object; `timezone` is left out when not given (`GET /api/user`). */
export function userJson(user: User, timezone?: string): UserJson {
  return {
    _id: user.id,
    preferredEmail: user.email,
    emails: [user.email],
    firstname: user.firstname,
    lastname: user.lastname,
    objectType: 'user',
    main_phone: '',
    state: [],
    followings: 0,
    following: false,
    followers: 0,
    ...(timezone === undefined ? {} : { timezone }),
    domains: user.domainId ? [{ domain_id: user.domainId, joined_at: EPOCH }] : [],
  };
}
