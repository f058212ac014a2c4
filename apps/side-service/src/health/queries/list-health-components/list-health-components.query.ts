import { Query } from '@nestjs/cqrs';

export class ListHealthComponentsQuery extends Query<string[]> {}
