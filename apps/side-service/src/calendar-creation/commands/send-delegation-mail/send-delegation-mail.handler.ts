import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InvalidArgumentError } from '@app/core';
import { DavClient, DavIdentity, withoutJsonSuffix } from '@app/dav-client';
import { MailDelivery, RecipientWhitelist } from '@app/mail';
import { ResourceRepository, UserRepository } from '@app/persistence';
import { MAIL_SENDER_ADDRESS } from '../../../notifications/commands/send-import-report/send-import-report.handler';
import { LOGO_PNG } from '../../../notifications/mails/logo';
import { MailContexts } from '../../../notifications/mails/mail-contexts';
import { MailPeople, USER_DEFAULTS } from '../../../notifications/people/mail-people';
import type { RecipientLocale } from '../../../notifications/mails/mail-context';
import { DelegationMailInput, calendarDelegationMail } from '../../mails/calendar-delegation.mail';
import { DelegationMailOutcome, SendDelegationMailCommand } from './send-delegation-mail.command';

/** `/calendars/{home}/{calendar}` (a `.json` suffix tolerated): its two ids, or `undefined`. */
export function calendarIdsOf(path: string): { homeId: string; calendarId: string } | undefined {
  const segments = withoutJsonSuffix(path.trim()).split('/').filter(Boolean);
  if (segments.length !== 3 || segments[0] !== 'calendars') return undefined;
  return { homeId: segments[1]!, calendarId: segments[2]! };
}

const fullName = (user: { firstname?: string; lastname?: string }) =>
  `${user.firstname ?? ''} ${user.lastname ?? ''}`.trim();

/**
 * events.md §3.5, mail.md §3.10–3.11: only messages whose `calendarProps.access` is a string; the new calendar is
 * read as its owner, and only a delegated one (`calendarserver:delegatedsource`) gives a mail: "calendar delegated"
 * when the source belongs to a user, "resource administrator" when it belongs to a resource, nothing otherwise.
 */
@CommandHandler(SendDelegationMailCommand)
export class SendDelegationMailHandler implements ICommandHandler<SendDelegationMailCommand> {
  private readonly logger = new Logger(SendDelegationMailHandler.name);

  constructor(
    private readonly dav: DavClient,
    private readonly users: UserRepository,
    private readonly resources: ResourceRepository,
    private readonly whitelist: RecipientWhitelist,
    private readonly people: MailPeople,
    private readonly contexts: MailContexts,
    private readonly delivery: MailDelivery,
    @Inject(MAIL_SENDER_ADDRESS) private readonly sender: string,
    @Inject(USER_DEFAULTS) private readonly defaults: RecipientLocale,
  ) {}

  async execute({ messageKey, message }: SendDelegationMailCommand): Promise<DelegationMailOutcome> {
    if (typeof message.calendarProps?.access !== 'string') return this.none('not a share (no access)');
    const created = calendarIdsOf(message.calendarPath);
    if (!created) throw new InvalidArgumentError('Invalid calendarPath', message.calendarPath);
    const owner = await this.users.findById(created.homeId);
    if (!owner) return this.none(`the owner of ${message.calendarPath} is not a user`);
    if (!this.whitelist.allows(owner.email)) return this.none(`${owner.email} is not in the whitelist`);

    const calendar = await this.dav.getCalendar(
      DavIdentity.user(owner.email),
      created.homeId,
      created.calendarId,
    );
    const sourcePath = calendar?.['calendarserver:delegatedsource'];
    if (typeof sourcePath !== 'string' || !sourcePath.trim())
      return this.none(`${message.calendarPath} is not a delegated calendar`);
    const source = calendarIdsOf(sourcePath);
    if (!source) return this.none(`unreadable delegated source ${sourcePath}`);

    const input = await this.describe(source);
    if (!input) return this.none(`the source ${sourcePath} belongs to neither a user nor a resource`);
    const template =
      input.kind === 'calendar' ? 'calendar-delegate-created' : 'calendar-resource-admin-created';
    const delivery = await this.delivery.deliver(
      `delegation:${messageKey}:${owner.email}`,
      owner.email,
      async () => {
        const language = (await this.people.person(owner.email)).locale?.language ?? this.defaults.language;
        const locale = { language, timeZone: this.defaults.timeZone };
        return {
          from: await this.people.address(this.sender),
          to: await this.people.address(owner.email),
          ...calendarDelegationMail(this.contexts.for(template, locale), input),
          language,
          inline: [{ cid: 'logo', filename: 'logo.png', contentType: 'image/png', content: LOGO_PNG }],
        };
      },
    );
    this.logger.log(`${template} for ${owner.email} about ${sourcePath}: ${delivery}`);
    return { mail: template, delivery };
  }

  private async describe(source: {
    homeId: string;
    calendarId: string;
  }): Promise<DelegationMailInput | undefined> {
    const delegator = await this.users.findById(source.homeId);
    if (delegator) {
      const calendar = await this.dav.getCalendar(
        DavIdentity.user(delegator.email),
        source.homeId,
        source.calendarId,
      );
      return {
        kind: 'calendar',
        delegatorName: fullName(delegator) || delegator.email,
        calendarName: calendar?.['dav:name'] ?? '',
      };
    }
    const resource = await this.resources.findById(source.homeId);
    return resource ? { kind: 'resource', resourceName: resource.name } : undefined;
  }

  private none(reason: string): DelegationMailOutcome {
    this.logger.debug(`no delegation mail: ${reason}`);
    return { mail: 'none', reason };
  }
}
