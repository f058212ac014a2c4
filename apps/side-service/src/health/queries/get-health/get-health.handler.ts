import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { HealthReport, HealthService } from '@app/observability';
import { GetHealthQuery } from './get-health.query';

@QueryHandler(GetHealthQuery)
export class GetHealthHandler implements IQueryHandler<GetHealthQuery> {
  constructor(private readonly health: HealthService) {}

  execute(query: GetHealthQuery): Promise<HealthReport> {
    return this.health.run(query.componentNames);
  }
}
