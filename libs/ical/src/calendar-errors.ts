import { InvalidArgumentError } from '@app/core';

/** The ICS of a message cannot be used: unparsable, no VEVENT, no usable DTSTART. */
export class InvalidCalendarError extends InvalidArgumentError {
  constructor(details: string) {
    super('The calendar data is invalid', details);
  }
}
