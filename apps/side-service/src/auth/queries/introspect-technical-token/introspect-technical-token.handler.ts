import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TechnicalTokenService } from '@app/auth';
import { DomainRepository } from '@app/persistence';
import {
  IntrospectTechnicalTokenQuery,
  TechnicalTokenIntrospection,
} from './introspect-technical-token.query';

@QueryHandler(IntrospectTechnicalTokenQuery)
export class IntrospectTechnicalTokenHandler implements IQueryHandler<IntrospectTechnicalTokenQuery> {
  constructor(
    private readonly tokens: TechnicalTokenService,
    private readonly domains: DomainRepository,
  ) {}

  async execute(query: IntrospectTechnicalTokenQuery): Promise<TechnicalTokenIntrospection | undefined> {
    const data = await this.tokens.verify(query.token);
    if (!data) return undefined;
    const domain = await this.domains.findById(data.domainId);
    return domain ? { ...data, domain: domain.name } : undefined;
  }
}
