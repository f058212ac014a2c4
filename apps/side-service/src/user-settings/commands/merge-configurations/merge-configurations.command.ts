import { Command } from '@nestjs/cqrs';
import type { SettingEntry } from '../../settings-body';

/** `PATCH /api/configurations`: these entries are set, the other stored ones kept. */
export class MergeConfigurationsCommand extends Command<void> {
  constructor(
    public readonly username: string,
    public readonly entries: SettingEntry[],
  ) {
    super();
  }
}
