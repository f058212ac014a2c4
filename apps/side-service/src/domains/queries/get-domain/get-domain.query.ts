import { Query } from '@nestjs/cqrs';
import type { Domain } from '@app/persistence';

/** The domain of that name, or `undefined`. An invalid name is an `InvalidArgumentError`. */
export class GetDomainQuery extends Query<Domain | undefined> {
  constructor(public readonly name: string) {
    super();
  }
}
