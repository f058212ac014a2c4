import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ScheduleModule } from '@nestjs/schedule';
import type { AllConfig } from '@app/config';
import { NotificationsModule } from '../notifications/notifications.module';
import { AlarmClock } from './alarm-clock';
import { AlarmMetrics } from './alarm-metrics';
import { ProcessDueAlarmsHandler } from './commands/process-due-alarms/process-due-alarms.handler';
import { RescheduleAlarmsHandler } from './commands/reschedule-alarms/reschedule-alarms.handler';
import { RemoveEventAlarmsHandler } from './commands/remove-event-alarms/remove-event-alarms.handler';
import { ScheduleEventAlarmsHandler } from './commands/schedule-event-alarms/schedule-event-alarms.handler';
import { AlarmMessagesConsumer } from './consumers/alarm-messages.consumer';
import { AlarmScheduler } from './scheduler/alarm-scheduler';
import { AlarmSchedulerHealthCheck } from './scheduler/alarm-scheduler.health-check';
import { ALARM_SCHEDULER_SETTINGS, AlarmSchedulerSettings } from './scheduler/alarm-scheduler.settings';
import { AlarmSettings } from './settings/alarm-settings';

type Config = ConfigService<AllConfig, true>;

const commandHandlers = [
  ScheduleEventAlarmsHandler,
  RemoveEventAlarmsHandler,
  ProcessDueAlarmsHandler,
  RescheduleAlarmsHandler,
];
const messageConsumers = [AlarmMessagesConsumer];

/**
 * Alarms (events.md §4): the `calendar:event:alarm:*` consumers keep one pending alarm per event UID and recipient
 * in `twake_calendar_alarm_events`; the scheduler mails due EMAIL alarms (`event-alarm`) and announces DISPLAY ones
 * (`DisplayAlarmFiredEvent`).
 */
@Module({
  imports: [ScheduleModule.forRoot(), NotificationsModule],
  providers: [
    ...commandHandlers,
    ...messageConsumers,
    AlarmClock,
    AlarmSettings,
    AlarmScheduler,
    AlarmSchedulerHealthCheck,
    { provide: AlarmMetrics, useFactory: () => AlarmMetrics.register() },
    {
      provide: ALARM_SCHEDULER_SETTINGS,
      inject: [ConfigService],
      useFactory: (config: Config): AlarmSchedulerSettings => ({
        ...config.get('alarms', { infer: true }),
        sender: config.get('mail', { infer: true }).sender,
      }),
    },
  ],
  exports: [AlarmClock, AlarmScheduler],
})
export class AlarmsModule {}
