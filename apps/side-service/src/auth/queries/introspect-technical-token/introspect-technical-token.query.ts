import { Query } from '@nestjs/cqrs';
import type { TechnicalTokenData } from '@app/auth';

export type TechnicalTokenIntrospection = TechnicalTokenData & { domain: string };

/** The `data` of a valid technical token plus its domain name, or `undefined`. */
export class IntrospectTechnicalTokenQuery extends Query<TechnicalTokenIntrospection | undefined> {
  constructor(public readonly token: string) {
    super();
  }
}
