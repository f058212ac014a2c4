import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DavCalendarsClient } from '@app/dav-client';
import { AlarmEventRepository, UserRepository } from '@app/persistence';
import { TaskManager } from '../../../tasks/task-manager';
import { AlarmClock } from '../../alarm-clock';
import { RescheduleAlarmsCommand } from './reschedule-alarms.command';
import { RescheduleAlarmsTask } from './reschedule-alarms.task';

@CommandHandler(RescheduleAlarmsCommand)
export class RescheduleAlarmsHandler implements ICommandHandler<RescheduleAlarmsCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly dav: DavCalendarsClient,
    private readonly entries: AlarmEventRepository,
    private readonly clock: AlarmClock,
    private readonly tasks: TaskManager,
  ) {}

  async execute({ eventsPerSecond }: RescheduleAlarmsCommand): Promise<string> {
    return this.tasks.submit(
      new RescheduleAlarmsTask(this.users, this.dav, this.entries, () => this.clock.now(), eventsPerSecond),
    );
  }
}
