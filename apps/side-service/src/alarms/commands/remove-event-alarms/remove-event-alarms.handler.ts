import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AlarmEventRepository } from '@app/persistence';
import { eventUidOf } from '../../next-alarm/alarm-entries';
import { RemoveEventAlarmsCommand } from './remove-event-alarms.command';

/** Delete of events.md §4.1: every entry with the UID of the first jCal VEVENT and that event path, any recipient. */
@CommandHandler(RemoveEventAlarmsCommand)
export class RemoveEventAlarmsHandler implements ICommandHandler<RemoveEventAlarmsCommand> {
  private readonly logger = new Logger(RemoveEventAlarmsHandler.name);

  constructor(private readonly entries: AlarmEventRepository) {}

  async execute({ message }: RemoveEventAlarmsCommand): Promise<number> {
    const uid = eventUidOf(message.event);
    if (!uid) {
      this.logger.warn(`alarm removal ignored: the event of ${message.eventPath} has no UID`);
      return 0;
    }
    const removed = await this.entries.deleteByEvent(uid, message.eventPath);
    this.logger.log(`${removed} pending alarm(s) of ${uid} (${message.eventPath}) removed`);
    return removed;
  }
}
