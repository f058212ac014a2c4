import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request } from 'express';
import { LdapRoutesAvailabilityQuery } from '../../domain-sync/queries/domain-sync-availability/domain-sync-availability.query';
import { WebadminError } from './webadmin-error';

/** Routes that exist only with LDAP configured: without it they answer exactly as an unknown route (404). */
@Injectable()
export class LdapRoutesGuard implements CanActivate {
  constructor(private readonly queryBus: QueryBus) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (await this.queryBus.execute(new LdapRoutesAvailabilityQuery())) return true;
    const request = context.switchToHttp().getRequest<Request>();
    throw WebadminError.notFound(`${request.method} ${request.originalUrl} can not be found`);
  }
}
