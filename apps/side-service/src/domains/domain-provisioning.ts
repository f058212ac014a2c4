import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandBus } from '@nestjs/cqrs';
import type { AllConfig } from '@app/config';
import { CreateDomainCommand } from './commands/create-domain/create-domain.command';

/** Creates the domains listed in `DOMAINS` when missing. */
@Injectable()
export class DomainProvisioning implements OnApplicationBootstrap {
  private readonly logger = new Logger(DomainProvisioning.name);

  constructor(
    private readonly config: ConfigService<AllConfig, true>,
    private readonly commandBus: CommandBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const name of this.config.get('app', { infer: true }).domains) {
      const domain = await this.commandBus.execute(new CreateDomainCommand(name));
      this.logger.log(`domain ${domain.name} ready (${domain.id})`);
    }
  }
}
