import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { SendDelegationMailHandler } from './commands/send-delegation-mail/send-delegation-mail.handler';
import { CalendarDelegatedConsumer } from './consumers/calendar-delegated.consumer';

/** Calendar creation effects (events.md §3.5): the mails telling a user a calendar was delegated to them. */
@Module({
  imports: [NotificationsModule],
  providers: [SendDelegationMailHandler, CalendarDelegatedConsumer],
})
export class CalendarDelegationModule {}
