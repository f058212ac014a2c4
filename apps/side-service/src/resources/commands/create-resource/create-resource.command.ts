import { Command } from '@nestjs/cqrs';
import type { Domain } from '@app/persistence';
import type { AdministratorGrant } from '../../resource-calendar-sharing';

export interface NewResourceInput {
  name: string;
  description: string;
  icon: string;
  /** Registered e-mail of the creating user. */
  creator: string;
  administrators: AdministratorGrant[];
}

/** Creates a resource of the domain and grants its administrators (webadmin.md §8, dav.md §5.5); returns its id. */
export class CreateResourceCommand extends Command<string> {
  constructor(
    public readonly domain: Domain,
    public readonly input: NewResourceInput,
  ) {
    super();
  }
}
