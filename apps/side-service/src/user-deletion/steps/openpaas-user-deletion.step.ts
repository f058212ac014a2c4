import { Injectable } from '@nestjs/common';
import { UserRepository } from '@app/persistence';
import type { DeletionTarget, UserDeletionStep } from '../deletion-step';

/** `OpenPaaSUserDeletionTaskStep`: the registered-user document (a missing one is fine). */
@Injectable()
export class OpenPaaSUserDeletionStep implements UserDeletionStep {
  readonly name = 'OpenPaaSUserDeletionTaskStep';
  readonly priority = 1000;

  constructor(private readonly users: UserRepository) {}

  async run({ username }: DeletionTarget): Promise<void> {
    await this.users.deleteByEmail(username);
  }
}
