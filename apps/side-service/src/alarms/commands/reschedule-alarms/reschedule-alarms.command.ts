import { Command } from '@nestjs/cqrs';

/** Starts the `schedule-alarms` task (webadmin.md §7.2); resolves to its id. */
export class RescheduleAlarmsCommand extends Command<string> {
  constructor(public readonly eventsPerSecond: number) {
    super();
  }
}
