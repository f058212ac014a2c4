import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UserRepository } from '@app/persistence';
import type { ModuleSettings } from '../../settings-body';
import { UserSettingsReader } from '../../user-settings.reader';
import { ReadConfigurationsQuery } from './read-configurations.query';

@QueryHandler(ReadConfigurationsQuery)
export class ReadConfigurationsHandler implements IQueryHandler<ReadConfigurationsQuery> {
  constructor(
    private readonly users: UserRepository,
    private readonly reader: UserSettingsReader,
  ) {}

  async execute(query: ReadConfigurationsQuery): Promise<ModuleSettings[]> {
    const user = query.user ?? (await this.users.findByEmail(query.username));
    return this.reader.read(query.username, user, query.requests);
  }
}
