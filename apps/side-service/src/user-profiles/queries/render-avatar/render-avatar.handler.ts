import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Avatar, AvatarRenderer } from '../../avatar/avatar-renderer';
import { RenderAvatarQuery } from './render-avatar.query';

@QueryHandler(RenderAvatarQuery)
export class RenderAvatarHandler implements IQueryHandler<RenderAvatarQuery> {
  private readonly renderer = new AvatarRenderer();

  execute(query: RenderAvatarQuery): Promise<Avatar> {
    return Promise.resolve(this.renderer.render(query.text));
  }
}
