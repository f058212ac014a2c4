import { Module } from '@nestjs/common';
import { GetHealthHandler } from './queries/get-health/get-health.handler';
import { ListHealthComponentsHandler } from './queries/list-health-components/list-health-components.handler';

@Module({ providers: [GetHealthHandler, ListHealthComponentsHandler] })
export class HealthQueriesModule {}
