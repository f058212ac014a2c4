import { Command } from '@nestjs/cqrs';

/** Starts the `import-ldap-users` task (webadmin.md §5.3); resolves to its id. */
export class ImportLdapUsersCommand extends Command<string> {
  constructor(public readonly usersPerSecond: number) {
    super();
  }
}
