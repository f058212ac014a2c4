import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UserSettingsReader } from '../../user-settings.reader';
import { GetTimeZoneQuery } from './get-time-zone.query';

@QueryHandler(GetTimeZoneQuery)
export class GetTimeZoneHandler implements IQueryHandler<GetTimeZoneQuery> {
  constructor(private readonly reader: UserSettingsReader) {}

  execute(query: GetTimeZoneQuery): Promise<string> {
    return this.reader.timeZoneOf(query.user);
  }
}
