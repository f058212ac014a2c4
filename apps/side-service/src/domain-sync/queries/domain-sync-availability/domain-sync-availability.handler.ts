import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Directory } from '@app/directory';
import { LdapRoutesAvailabilityQuery } from './domain-sync-availability.query';

@QueryHandler(LdapRoutesAvailabilityQuery)
export class LdapRoutesAvailabilityHandler implements IQueryHandler<LdapRoutesAvailabilityQuery> {
  constructor(@Inject(Directory) private readonly directory: Directory | null) {}

  async execute(): Promise<boolean> {
    return this.directory !== null;
  }
}
