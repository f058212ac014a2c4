import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@app/core';
import { UserProvisioning } from '../users/provisioning/user-provisioning';
import { UserSettingsReader } from './user-settings.reader';

/** Whose settings document a write goes to: the registered caller, provisioned from the directory if needed. */
@Injectable()
export class SettingsOwner {
  constructor(
    private readonly provisioner: UserProvisioning,
    private readonly reader: UserSettingsReader,
  ) {}

  async of(username: string) {
    const user = await this.provisioner.ensureFromDirectory(username.toLowerCase()).catch(() => undefined);
    const owner = user && (await this.reader.ownerOf(user));
    if (!user || !owner) throw new NotFoundError('User not found', `No registered user ${username}`);
    return { user, ...owner };
  }
}
