import { Command } from '@nestjs/cqrs';
import type { Domain } from '@app/persistence';

/** Creates the domain unless it exists (idempotent). */
export class CreateDomainCommand extends Command<Domain> {
  constructor(public readonly name: string) {
    super();
  }
}
