import { Injectable } from '@nestjs/common';
import { DavIdentity } from '@app/dav-client';
import { User, UserRepository } from '@app/persistence';
import { CollectionsUserNotFoundError } from './user-collections.errors';

/** The registered user whose collections are administered, and the DAV identity impersonating them. */
@Injectable()
export class CollectionOwners {
  constructor(private readonly users: UserRepository) {}

  async resolve(username: string): Promise<{ user: User; identity: DavIdentity }> {
    const user = await this.users.findByEmail(username.toLowerCase());
    if (!user) throw new CollectionsUserNotFoundError();
    return { user, identity: DavIdentity.user(user.email) };
  }
}
