import { Command } from '@nestjs/cqrs';

export class DeleteDirectoryUserCommand extends Command<void> {
  constructor(public readonly username: string) {
    super();
  }
}
