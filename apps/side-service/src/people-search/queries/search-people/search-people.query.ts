import { Query } from '@nestjs/cqrs';
import type { Person, PersonType } from '../../person';

/** `POST /api/people/search` for the caller (rest-api.md §5.7); `types` empty means every type. */
export class SearchPeopleQuery extends Query<Person[]> {
  constructor(
    public readonly username: string,
    public readonly query: string,
    public readonly types: PersonType[],
    public readonly limit: number,
  ) {
    super();
  }
}
