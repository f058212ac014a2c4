import { Query } from '@nestjs/cqrs';

export class VerifyDirectoryPasswordQuery extends Query<boolean> {
  constructor(
    public readonly username: string,
    public readonly password: string,
  ) {
    super();
  }
}
