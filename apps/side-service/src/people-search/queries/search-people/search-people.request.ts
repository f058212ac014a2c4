import { RestError } from '../../../http/rest-error';
import { PERSON_TYPES, PersonType } from '../../person';

export const MAX_LIMIT = 256;

export interface SearchPeopleRequest {
  q: string;
  objectTypes: PersonType[];
  limit: number;
}

const bad = (details: string) => new RestError(400, details);

/**
 * The body of `POST /api/people/search`. Unknown types are ignored, so an empty or all-unknown list means every
 * type; an absent one too (the original fails with 500). Unknown fields are ignored.
 */
export function parseSearchPeopleRequest(body: unknown): SearchPeopleRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad('Expecting a JSON object');
  const { q, objectTypes, limit } = body as Record<string, unknown>;
  if (q !== undefined && q !== null && typeof q !== 'string') throw bad('q must be a string');
  if (limit === undefined || limit === null) throw bad('limit is required');
  if (typeof limit !== 'number' || !Number.isInteger(limit)) throw bad('limit must be an integer');
  if (limit <= 0) throw bad('Limit must be greater than 0');
  if (limit > MAX_LIMIT) throw bad(`Maximum limit allowed: ${MAX_LIMIT}, but got: ${limit}`);
  if (objectTypes !== undefined && objectTypes !== null && !Array.isArray(objectTypes))
    throw bad('objectTypes must be an array');
  if (Array.isArray(objectTypes) && objectTypes.some((type) => typeof type !== 'string'))
    throw bad('objectTypes must be an array of strings');
  const types = ((objectTypes as string[] | undefined) ?? [])
    .map((type) => type.toLowerCase())
    .filter((type): type is PersonType => (PERSON_TYPES as readonly string[]).includes(type));
  return { q: (q as string | undefined) ?? '', objectTypes: [...new Set(types)], limit };
}
