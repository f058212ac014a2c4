import { Module } from '@nestjs/common';
import { CreateDomainHandler } from './commands/create-domain/create-domain.handler';
import { DomainProvisioning } from './domain-provisioning';
import { GetDomainHandler } from './queries/get-domain/get-domain.handler';
import { ListDomainsHandler } from './queries/list-domains/list-domains.handler';

const commandHandlers = [CreateDomainHandler];
const queryHandlers = [ListDomainsHandler, GetDomainHandler];

@Module({ providers: [...commandHandlers, ...queryHandlers, DomainProvisioning] })
export class DomainsModule {}
