/** Kinds of people search results, in the order results are ranked (rest-api.md §5.7). */
export const PERSON_TYPES = ['user', 'resource', 'contact', 'team-calendar'] as const;
export type PersonType = (typeof PERSON_TYPES)[number];

/** One people search result before it is shaped as JSON. */
export interface Person {
  id: string;
  objectType: PersonType;
  displayName: string;
  email: string;
  /** `Work` for users and contacts, `default` otherwise. */
  emailType: 'Work' | 'default';
  photoUrl?: string;
}

export interface PersonJson {
  id: string;
  objectType: PersonType;
  names: { displayName: string; type: 'default' }[];
  emailAddresses: { value: string; type: string }[];
  phoneNumbers: never[];
  photos?: { url: string; type: 'default' }[];
}

export function personJson(person: Person): PersonJson {
  return {
    id: person.id,
    objectType: person.objectType,
    names: [{ displayName: person.displayName, type: 'default' }],
    emailAddresses: [{ value: person.email, type: person.emailType }],
    phoneNumbers: [],
    ...(person.photoUrl ? { photos: [{ url: person.photoUrl, type: 'default' as const }] } : {}),
  };
}

/** Ranking: by type, then by display name case-insensitively. */
export function comparePeople(a: Person, b: Person): number {
  const byType = PERSON_TYPES.indexOf(a.objectType) - PERSON_TYPES.indexOf(b.objectType);
  if (byType !== 0) return byType;
  const left = a.displayName.toLowerCase();
  const right = b.displayName.toLowerCase();
  return left < right ? -1 : left > right ? 1 : 0;
}
