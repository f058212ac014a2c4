import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isObjectIdHex } from '@app/core';
import { DavClient, DavIdentity } from '@app/dav-client';
import { InvalidCalendarError, VCalendar } from '@app/ical';
import { RecipientWhitelist } from '@app/mail';
import { AlarmEventRepository, UserRepository } from '@app/persistence';
import { AlarmClock } from '../../alarm-clock';
import { alarmEntries, eventUidOf } from '../../next-alarm/alarm-entries';
import { nextAlarm } from '../../next-alarm/next-alarm';
import { AlarmSettings } from '../../settings/alarm-settings';
import { AlarmSchedulingOutcome, ScheduleEventAlarmsCommand } from './schedule-event-alarms.command';

/** The home id of an event path `/calendars/{home}/{calendar}/{object}`. */
export function homeIdOf(eventPath: string): string | undefined {
  const match = /^\/calendars\/([^/]+)\/[^/]+\/[^/]+$/.exec(eventPath.replace(/\.json(?=$|\/)/g, ''));
  return match ? decodeURIComponent(match[1]!) : undefined;
}

function hasValarm(calendar: VCalendar): boolean {
  const search = (component: import('ical.js').default.Component): boolean =>
    component.getAllSubcomponents().some((child) => child.name === 'valarm' || search(child));
  return search(calendar.root);
}

/**
 * Upsert of events.md §4.1: owner = the local user of the path's home; nothing when the owner turned alarm e-mails
 * off; the stored ICS (`rawEvent`, else read from DAV as the owner); next alarm (§4.2) → entries (§4.3) replacing
 * the pending ones of the UID and recipient; no next alarm → the event's entries are removed. Bad input (unknown
 * owner, unparsable ICS, no UID) is logged and ignored; storage or DAV failures propagate (the message is
 * dead-lettered rather than lost).
 */
@CommandHandler(ScheduleEventAlarmsCommand)
export class ScheduleEventAlarmsHandler implements ICommandHandler<ScheduleEventAlarmsCommand> {
  private readonly logger = new Logger(ScheduleEventAlarmsHandler.name);

  constructor(
    private readonly users: UserRepository,
    private readonly entries: AlarmEventRepository,
    private readonly settings: AlarmSettings,
    private readonly dav: DavClient,
    private readonly whitelist: RecipientWhitelist,
    private readonly clock: AlarmClock,
  ) {}

  async execute({ message, onlyWithValarm }: ScheduleEventAlarmsCommand): Promise<AlarmSchedulingOutcome> {
    const { eventPath } = message;
    if (onlyWithValarm && !hasValarm(message.event)) return this.ignored('the event has no VALARM', 'debug');
    const homeId = homeIdOf(eventPath);
    if (!homeId || !isObjectIdHex(homeId)) return this.ignored(`${eventPath} is not an event path of a user`);
    const owner = await this.users.findById(homeId);
    if (!owner) return this.ignored(`no local user owns ${eventPath}`);
    if (!(await this.settings.alarmEmailsEnabled(owner)))
      return this.ignored(`${owner.email} turned alarm e-mails off`, 'debug');

    const ics = message.rawEvent ?? (await this.dav.getObject(DavIdentity.user(owner.email), eventPath))?.ics;
    if (ics === undefined) return this.ignored(`${eventPath} no longer exists`, 'debug');
    let calendar: VCalendar;
    try {
      calendar = VCalendar.parse(ics, message.rawEvent ? 'rawEvent' : eventPath);
    } catch (error) {
      if (error instanceof InvalidCalendarError) return this.ignored(error.details ?? error.message);
      throw error;
    }
    const eventUid = eventUidOf(calendar);
    if (!eventUid) return this.ignored(`${eventPath} has no VEVENT with a UID`);

    const { next, warnings } = nextAlarm(calendar, { user: owner.email, now: this.clock.now() });
    for (const warning of warnings) this.logger.warn(`${eventPath}: ${warning}`);
    const stored = await this.entries.findByEvent(eventUid, eventPath);
    if (!next) {
      const removed = stored.length > 0 ? await this.entries.deleteByEvent(eventUid, eventPath) : 0;
      this.logger.debug(`no next alarm for ${eventUid} (${eventPath}): ${removed} entries removed`);
      return { outcome: 'cleared', removed };
    }
    const entries = alarmEntries(next, {
      calendar,
      eventUid,
      eventPath,
      owner: owner.email,
      allows: (recipient) => this.whitelist.allows(recipient),
    });
    for (const entry of entries) await this.entries.upsert(entry);
    const kept = new Set(entries.map((entry) => entry.recipient));
    for (const old of stored)
      if (!kept.has(old.recipient)) await this.entries.delete(eventUid, old.recipient);
    this.logger.log(
      `alarm of ${eventUid} at ${next.alarmTime.toISOString()} (${next.action}) for ${entries.length} recipient(s)`,
    );
    return { outcome: 'scheduled', entries: entries.length };
  }

  private ignored(reason: string, level: 'warn' | 'debug' = 'warn'): AlarmSchedulingOutcome {
    if (level === 'warn') this.logger.warn(`alarm message ignored: ${reason}`);
    else this.logger.debug(`alarm message ignored: ${reason}`);
    return { outcome: 'ignored', reason };
  }
}
