import { Query } from '@nestjs/cqrs';

/** E-mails of the domain administrators, sorted case-insensitively; admins whose user is gone are skipped. */
export class ListDomainAdminsQuery extends Query<string[]> {
  constructor(public readonly domainName: string) {
    super();
  }
}
