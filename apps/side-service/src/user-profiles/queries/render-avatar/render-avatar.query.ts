import { Query } from '@nestjs/cqrs';
import type { Avatar } from '../../avatar/avatar-renderer';

/** The generated placeholder picture of any text (normally an address): its first character on a fixed colour. */
export class RenderAvatarQuery extends Query<Avatar> {
  constructor(public readonly text: string) {
    super();
  }
}
