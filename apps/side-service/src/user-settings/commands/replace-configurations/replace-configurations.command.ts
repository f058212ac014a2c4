import { Command } from '@nestjs/cqrs';
import type { SettingEntry } from '../../settings-body';

/** `PUT /api/configurations?scope=user`: the caller's stored settings become exactly these entries. */
export class ReplaceConfigurationsCommand extends Command<void> {
  constructor(
    public readonly username: string,
    public readonly entries: SettingEntry[],
  ) {
    super();
  }
}
