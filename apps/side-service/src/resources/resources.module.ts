import { Module } from '@nestjs/common';
import { AdministeredResources } from './administered-resource';
import { CreateResourceHandler } from './commands/create-resource/create-resource.handler';
import { DeleteResourceHandler } from './commands/delete-resource/delete-resource.handler';
import { UpdateResourceHandler } from './commands/update-resource/update-resource.handler';
import { DavResourceAdministrators } from './dav-resource-administrators';
import { GetDomainResourceHandler } from './queries/get-domain-resource/get-domain-resource.handler';
import { GetIconController } from './queries/get-icon/get-icon.http.controller';
import { GetIconHandler } from './queries/get-icon/get-icon.handler';
import { GetResourceController } from './queries/get-resource/get-resource.http.controller';
import { GetResourceHandler } from './queries/get-resource/get-resource.handler';
import { ListDomainResourcesHandler } from './queries/list-domain-resources/list-domain-resources.handler';
import { ResourceAdministrators } from './resource-administrators';
import { ResourceCalendarSharing } from './resource-calendar-sharing';

const httpControllers = [GetResourceController, GetIconController];
const commandHandlers = [CreateResourceHandler, UpdateResourceHandler, DeleteResourceHandler];
const queryHandlers = [
  GetResourceHandler,
  GetIconHandler,
  ListDomainResourcesHandler,
  GetDomainResourceHandler,
];

/**
 * Resources as the SPAs read them, and their icons (rest-api.md §5.6); their administration for the webadmin
 * (webadmin.md §8) with the DAV sharing of their calendar (dav.md §5.5).
 */
@Module({
  controllers: httpControllers,
  providers: [
    ...commandHandlers,
    ...queryHandlers,
    AdministeredResources,
    ResourceCalendarSharing,
    { provide: ResourceAdministrators, useClass: DavResourceAdministrators },
  ],
  exports: [ResourceAdministrators],
})
export class ResourcesModule {}
