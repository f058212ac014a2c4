import { Module } from '@nestjs/common';
import { AddDomainAdminHandler } from './commands/add-domain-admin/add-domain-admin.handler';
import { CreateDomainHandler } from './commands/create-domain/create-domain.handler';
import { RevokeDomainAdminHandler } from './commands/revoke-domain-admin/revoke-domain-admin.handler';
import { ListDomainAdminsHandler } from './queries/list-domain-admins/list-domain-admins.handler';
import { DomainProvisioning } from './domain-provisioning';
import { GetDomainHandler } from './queries/get-domain/get-domain.handler';
import { GetDomainByIdController } from './queries/get-domain-by-id/get-domain-by-id.http.controller';
import { GetDomainByIdHandler } from './queries/get-domain-by-id/get-domain-by-id.handler';
import { ThemesController } from './queries/get-theme/themes.http.controller';
import { ListDomainsHandler } from './queries/list-domains/list-domains.handler';

const commandHandlers = [CreateDomainHandler, AddDomainAdminHandler, RevokeDomainAdminHandler];
const queryHandlers = [ListDomainsHandler, GetDomainHandler, ListDomainAdminsHandler, GetDomainByIdHandler];
/** REST API routes (rest-api.md §5.2); the webadmin ones live in the webadmin application. */
const httpControllers = [GetDomainByIdController, ThemesController];

@Module({
  controllers: httpControllers,
  providers: [...commandHandlers, ...queryHandlers, DomainProvisioning],
})
export class DomainsModule {}
