import type { AlarmsConfig } from '@app/config';

export const ALARM_SCHEDULER_SETTINGS = Symbol('ALARM_SCHEDULER_SETTINGS');

/** The scheduler configuration plus the From address of the alarm mails (`MAIL_SENDER`). */
export interface AlarmSchedulerSettings extends AlarmsConfig {
  sender: string;
}
