import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { HealthService } from '@app/observability';
import { ListHealthComponentsQuery } from './list-health-components.query';

@QueryHandler(ListHealthComponentsQuery)
export class ListHealthComponentsHandler implements IQueryHandler<ListHealthComponentsQuery> {
  constructor(private readonly health: HealthService) {}

  async execute(): Promise<string[]> {
    return this.health.componentNames();
  }
}
