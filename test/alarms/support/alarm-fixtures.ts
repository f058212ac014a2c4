import { Db } from 'mongodb';
import { icsToJcal } from '@app/ical';
import { TestSmtpServer, TestVhost, calendar, expectEventually } from '@app/testing';
import type { CapturedMail } from '@app/testing';
import { AlarmClock } from '../../../apps/side-service/src/alarms/alarm-clock';
import { TestService, startTestService } from '../../support/service-apps';

export const ALARMS = 'twake_calendar_alarm_events';
export const LEASES = 'twake_calendar_alarm_events_ledge';

/** A VALARM block. */
export function valarm(trigger: string, action = 'EMAIL', attendees: string[] = []): string[] {
  return [
    'BEGIN:VALARM',
    `TRIGGER:${trigger}`,
    `ACTION:${action}`,
    'DESCRIPTION:reminder',
    ...attendees.map((email) => `ATTENDEE:mailto:${email}`),
    'END:VALARM',
  ];
}

/** A VEVENT (content lines) of `owner`, who accepted, with the given extra lines (DTSTART, RRULE, VALARMs...). */
export function ownEvent(uid: string, owner: string, lines: string[], others: string[] = []): string[] {
  return [
    `UID:${uid}`,
    'DTSTAMP:20300101T000000Z',
    'SUMMARY:Dentist <check-up>',
    'LOCATION:https://meet.example.org/dentist',
    `ORGANIZER;CN=Owner:mailto:${owner}`,
    `ATTENDEE;PARTSTAT=ACCEPTED;CN=Owner:mailto:${owner}`,
    ...others.map((email) => `ATTENDEE;PARTSTAT=NEEDS-ACTION;CN=Guest:mailto:${email}`),
    ...lines,
  ];
}

/** An alarm message as esn-sabre publishes it (events.md §2.3). */
export function alarmMessage(eventPath: string, ics: string, withRawEvent = true): Record<string, unknown> {
  return {
    eventPath,
    event: icsToJcal(ics),
    ...(withRawEvent ? { rawEvent: ics } : {}),
    import: false,
    connectedUser: null,
  };
}

export { calendar };

/** Drives the alarms' clock of a service (no waiting for real minutes). */
export class FakeTime {
  private nowMs: number;

  constructor(service: TestService, start: string) {
    this.nowMs = Date.parse(start);
    jest.spyOn(service.api.get(AlarmClock), 'now').mockImplementation(() => new Date(this.nowMs));
  }

  set(instant: string): void {
    this.nowMs = Date.parse(instant);
  }

  /** Another service follows the same clock. */
  follow(service: TestService): void {
    jest.spyOn(service.api.get(AlarmClock), 'now').mockImplementation(() => new Date(this.nowMs));
  }
}

/** Scheduler settings for tests: single or cluster, ticking every 100 ms without jitter to speak of. */
export function schedulerEnv(mode: 'single' | 'cluster' | 'disabled' = 'single'): Record<string, string> {
  return {
    ALARM_SCHEDULER_MODE: mode,
    ALARM_SCHEDULER_POLL_INTERVAL: '100ms',
    ALARM_SCHEDULER_INITIAL_JITTER_MAX: '1ms',
    ALARM_SCHEDULER_LEASE_TTL: '60s',
  };
}

export async function startAlarmService(
  vhost: TestVhost,
  smtp: TestSmtpServer,
  env: Record<string, string | undefined> = {},
): Promise<TestService> {
  return startTestService({
    ...vhost.env(),
    ...smtp.env(),
    MAIL_SENDER: 'calendar@twake.test',
    MAIL_RECIPIENT_WHITELIST: undefined,
    ...schedulerEnv(),
    ...env,
  });
}

export function entriesOf(db: Db, eventUid: string) {
  return db.collection(ALARMS).find({ eventUid }).sort({ recipient: 1 }).toArray();
}

export function waitForEntries(db: Db, eventUid: string, count: number) {
  return expectEventually(async () => {
    const entries = await entriesOf(db, eventUid);
    expect(entries).toHaveLength(count);
    return entries;
  });
}

/** Waits for exactly `count` mails to `address`. */
export function mailsTo(smtp: TestSmtpServer, address: string, count = 1): Promise<CapturedMail[]> {
  return expectEventually(() => {
    const mails = smtp.to(address);
    expect(mails).toHaveLength(count);
    return mails;
  });
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
