import { Module } from '@nestjs/common';
import { GetEntityController } from './queries/get-entity/get-entity.http.controller';
import { GetEntityHandler } from './queries/get-entity/get-entity.handler';

/** `GET /api/entity/{id}` (rest-api.md §6.2), answered by the user, team calendar, resource and domain queries. */
@Module({ controllers: [GetEntityController], providers: [GetEntityHandler] })
export class EntitiesModule {}
