import { Module } from '@nestjs/common';
import { DavResourceAdministrators } from './dav-resource-administrators';
import { GetIconController } from './queries/get-icon/get-icon.http.controller';
import { GetIconHandler } from './queries/get-icon/get-icon.handler';
import { GetResourceController } from './queries/get-resource/get-resource.http.controller';
import { GetResourceHandler } from './queries/get-resource/get-resource.handler';
import { ResourceAdministrators } from './resource-administrators';

const httpControllers = [GetResourceController, GetIconController];
const queryHandlers = [GetResourceHandler, GetIconHandler];

/** Resources as the SPAs read them, and their icons (rest-api.md §5.6). */
@Module({
  controllers: httpControllers,
  providers: [...queryHandlers, { provide: ResourceAdministrators, useClass: DavResourceAdministrators }],
})
export class ResourcesModule {}
