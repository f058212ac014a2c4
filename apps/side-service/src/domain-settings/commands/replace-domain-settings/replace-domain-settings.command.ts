import { Command } from '@nestjs/cqrs';
import type { DomainSettings } from '@app/persistence';

/** Replaces the stored overrides of a domain: absent fields are removed (webadmin.md §6.3 PUT). */
export class ReplaceDomainSettingsCommand extends Command<void> {
  constructor(
    public readonly domainName: string,
    public readonly settings: DomainSettings,
  ) {
    super();
  }
}
