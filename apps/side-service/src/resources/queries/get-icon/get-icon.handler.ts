import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ICONS } from '../../icons/icon-set';
import { GetIconQuery } from './get-icon.query';

@QueryHandler(GetIconQuery)
export class GetIconHandler implements IQueryHandler<GetIconQuery> {
  execute(query: GetIconQuery): Promise<string | undefined> {
    const name = query.name.toLowerCase();
    return Promise.resolve(Object.prototype.hasOwnProperty.call(ICONS, name) ? ICONS[name] : undefined);
  }
}
