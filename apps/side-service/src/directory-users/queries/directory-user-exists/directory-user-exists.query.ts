import { Query } from '@nestjs/cqrs';

export class DirectoryUserExistsQuery extends Query<boolean> {
  constructor(public readonly username: string) {
    super();
  }
}
