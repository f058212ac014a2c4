import { Command } from '@nestjs/cqrs';
import type { DomainSettings } from '@app/persistence';

/** Sets some overrides and clears others, the rest untouched (webadmin.md §6.3 PATCH). */
export class PatchDomainSettingsCommand extends Command<void> {
  constructor(
    public readonly domainName: string,
    public readonly set: DomainSettings,
    public readonly unset: readonly (keyof DomainSettings)[],
  ) {
    super();
  }
}
