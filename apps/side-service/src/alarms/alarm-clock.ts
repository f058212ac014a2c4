import { Injectable } from '@nestjs/common';

/** The time the alarms feature goes by: injectable so that tests drive it instead of waiting. */
@Injectable()
export class AlarmClock {
  now(): Date {
    return new Date();
  }
}
