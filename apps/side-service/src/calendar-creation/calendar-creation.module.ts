import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ApplyDefaultVisibilityHandler } from './commands/apply-default-visibility/apply-default-visibility.handler';
import { SendDelegationMailHandler } from './commands/send-delegation-mail/send-delegation-mail.handler';
import { CalendarCreatedConsumer } from './consumers/calendar-created.consumer';
import { CalendarDelegatedConsumer } from './consumers/calendar-delegated.consumer';

const commandHandlers = [SendDelegationMailHandler, ApplyDefaultVisibilityHandler];
const messageConsumers = [CalendarDelegatedConsumer, CalendarCreatedConsumer];

/**
 * Calendar creation effects (events.md §3.5): default calendars made public when the domain says so, and the mails
 * telling a user a calendar was delegated to them.
 */
@Module({
  imports: [NotificationsModule],
  providers: [...commandHandlers, ...messageConsumers],
})
export class CalendarCreationModule {}
