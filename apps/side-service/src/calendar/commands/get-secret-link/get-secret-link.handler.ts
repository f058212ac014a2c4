import { ConfigService } from '@nestjs/config';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomBytes } from 'node:crypto';
import type { AllConfig } from '@app/config';
import { NotFoundError } from '@app/core';
import { SecretLinkRepository, UserRepository } from '@app/persistence';
import { GetSecretLinkCommand } from './get-secret-link.command';

/** 22 CSPRNG bytes, base64url without padding: 30 characters of `A–Z a–z 0–9 - _` (storage.md §19). */
export const newSecretLinkToken = (): string => randomBytes(22).toString('base64url');

/** No permission check (rest-api.md §9.15): the export runs as the link owner, whose DAV rights apply then. */
@CommandHandler(GetSecretLinkCommand)
export class GetSecretLinkHandler implements ICommandHandler<GetSecretLinkCommand> {
  constructor(
    private readonly links: SecretLinkRepository,
    private readonly users: UserRepository,
    private readonly config: ConfigService<AllConfig, true>,
  ) {}

  async execute(command: GetSecretLinkCommand): Promise<string> {
    const user = await this.users.findByEmail(command.username);
    if (!user) throw new NotFoundError('User not found', command.username);
    const { calendarHomeId, calendarId } = command;
    const existing = command.reset
      ? undefined
      : await this.links.findByOwner(user.id, calendarHomeId, calendarId);
    let token = existing?.token;
    if (!token) {
      token = newSecretLinkToken();
      await this.links.save({ userId: user.id, calendarHomeId, calendarId, token });
    }
    const base = this.config.get('app', { infer: true }).selfUrl.replace(/\/+$/, '');
    const path = `/api/calendars/${encodeURIComponent(calendarHomeId)}/${encodeURIComponent(calendarId)}`;
    return `${base}${path}/calendar.ics?token=${token}`;
  }
}
