import { EPOCH } from '../openpaas/epoch';

/** The user object of rest-api.md §5.1, for the OpenAPI document. */
export const USER_EXAMPLE = {
  _id: '65f0a1b2c3d4e5f601234567',
  preferredEmail: 'alice@example.org',
  emails: ['alice@example.org'],
  firstname: 'Alice',
  lastname: 'Martin',
  objectType: 'user',
  main_phone: '',
  state: [],
  followings: 0,
  following: false,
  followers: 0,
  timezone: 'Europe/Paris',
  domains: [{ domain_id: '65f0c0ffee0000000000abcd', joined_at: EPOCH }],
};
