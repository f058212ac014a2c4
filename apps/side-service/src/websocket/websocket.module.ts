import { Module } from '@nestjs/common';
import { EventBusModule } from '@app/event-bus';
import { AuthenticateSocketHandler } from './commands/authenticate-socket/authenticate-socket.handler';
import { PushCalendarChangeHandler } from './commands/push-calendar-change/push-calendar-change.handler';
import { PushCalendarListChangeHandler } from './commands/push-calendar-list-change/push-calendar-list-change.handler';
import { PushContactChangeHandler } from './commands/push-contact-change/push-contact-change.handler';
import { UpdateSubscriptionsHandler } from './commands/update-subscriptions/update-subscriptions.handler';
import { CalendarListNotificationConsumer } from './consumers/calendar-list-notification.consumer';
import { ContactNotificationConsumer } from './consumers/contact-notification.consumer';
import { EventNotificationConsumer } from './consumers/event-notification.consumer';
import { PushDelivery } from './delivery/push-delivery';
import { BookingLinkStatePusher } from './events/booking-link-state.pusher';
import { DisplayAlarmPusher } from './events/display-alarm.pusher';
import { ImportCompletedPusher } from './events/import-completed.pusher';
import { PushGateway } from './push.gateway';
import { SessionRegistry } from './sessions/session-registry';
import { WebsocketHttpController } from './websocket.http.controller';

const commandHandlers = [
  AuthenticateSocketHandler,
  UpdateSubscriptionsHandler,
  PushCalendarChangeHandler,
  PushContactChangeHandler,
  PushCalendarListChangeHandler,
];
const messageConsumers = [
  EventNotificationConsumer,
  ContactNotificationConsumer,
  CalendarListNotificationConsumer,
];
const eventHandlers = [ImportCompletedPusher, DisplayAlarmPusher, BookingLinkStatePusher];

/**
 * Real-time push (rest-api.md §6.7, events.md §7): the `/ws` gateway, the consumers turning Sabre messages into
 * bus events, and the CQRS event handlers for imports, DISPLAY alarms and booking links. Across nodes through the
 * event bus (Redis pub/sub when configured).
 */
@Module({
  imports: [EventBusModule],
  controllers: [WebsocketHttpController],
  providers: [
    ...commandHandlers,
    ...messageConsumers,
    ...eventHandlers,
    PushGateway,
    PushDelivery,
    SessionRegistry,
  ],
})
export class WebsocketModule {}
