import { userJson } from '../openpaas/user.json';

/** The user object of rest-api.md §5.1, for the OpenAPI document: what `userJson` answers for a sample user. */
export const USER_EXAMPLE = userJson(
  {
    id: '65f0a1b2c3d4e5f601234567',
    email: 'alice@example.org',
    firstname: 'Alice',
    lastname: 'Martin',
    domainId: '65f0c0ffee0000000000abcd',
  },
  'Europe/Paris',
);
