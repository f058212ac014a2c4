import { Command } from '@nestjs/cqrs';
import type { Domain } from '@app/persistence';

/** Revokes every administrator of an active resource of the domain, then marks it deleted (webadmin.md §8). */
export class DeleteResourceCommand extends Command<void> {
  constructor(
    public readonly domain: Domain,
    public readonly id: string,
  ) {
    super();
  }
}
