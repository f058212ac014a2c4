import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '@app/config';
import { NotificationsModule } from '../notifications/notifications.module';
import { ResourcesModule } from '../resources/resources.module';
import { DecideParticipationController } from './commands/decide-participation/decide-participation.http.controller';
import { DecideParticipationHandler } from './commands/decide-participation/decide-participation.handler';
import { NotifyDecisionHandler } from './commands/notify-decision/notify-decision.handler';
import { RequestModerationHandler } from './commands/request-moderation/request-moderation.handler';
import { ResourceEventsConsumer } from './consumers/resource-events.consumer';
import { ModeratedResources } from './moderation-context';
import { MODERATION_SETTINGS, ModerationSettings, ModerationTokens } from './moderation-tokens';

type Config = ConfigService<AllConfig, true>;
const trimSlash = (url: string) => url.replace(/\/+$/, '');

const httpControllers = [DecideParticipationController];
const commandHandlers = [RequestModerationHandler, NotifyDecisionHandler, DecideParticipationHandler];

/**
 * Resource moderation (events.md §3.4): the request mails to administrators, their signed accept/decline links
 * (rest-api.md §6.4), the resource's own acceptance when nobody moderates it, and the decision mail.
 */
@Module({
  imports: [ResourcesModule, NotificationsModule],
  controllers: httpControllers,
  providers: [
    ...commandHandlers,
    ResourceEventsConsumer,
    ModeratedResources,
    ModerationTokens,
    {
      provide: MODERATION_SETTINGS,
      inject: [ConfigService],
      useFactory: (config: Config): ModerationSettings => ({
        selfUrl: trimSlash(config.get('app', { infer: true }).selfUrl),
        spaCalendarUrl: trimSlash(config.get('app', { infer: true }).spaCalendarUrl),
        tokenValidityMs: config.get('auth', { infer: true }).jwt.validityMs,
      }),
    },
  ],
})
export class ResourceModerationModule {}
