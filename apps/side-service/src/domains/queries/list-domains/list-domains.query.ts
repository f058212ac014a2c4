import { Query } from '@nestjs/cqrs';
import type { Domain } from '@app/persistence';

export class ListDomainsQuery extends Query<Domain[]> {}
