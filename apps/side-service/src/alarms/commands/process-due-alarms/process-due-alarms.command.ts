import { Command } from '@nestjs/cqrs';

export interface DueAlarmsReport {
  due: number;
  sent: number;
  skipped: number;
  failed: number;
}

/** One scheduler tick (events.md §4.5): fires the due alarms, moves each entry on to its next alarm. */
export class ProcessDueAlarmsCommand extends Command<DueAlarmsReport> {}
