import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InvalidArgumentError } from '@app/core';
import { BusKeys, EventBus } from '@app/event-bus';
import { PushEvents } from '../../protocol/push-events';
import { PushCalendarChangeCommand } from './push-calendar-change.command';

/** `/calendars/{home}/{calendar}/{object}` → the calendar's bus key (events.md §7). */
@CommandHandler(PushCalendarChangeCommand)
export class PushCalendarChangeHandler implements ICommandHandler<PushCalendarChangeCommand> {
  constructor(private readonly bus: EventBus) {}

  async execute({ message }: PushCalendarChangeCommand): Promise<void> {
    const segments = message.eventPath.split('/');
    const [, root, home, calendar] = segments;
    if (segments.length < 5 || root !== 'calendars' || !home || !calendar)
      throw new InvalidArgumentError('eventPath is not the path of a calendar object', message.eventPath);
    await this.bus.dispatch(
      PushEvents.calendarChange({
        username: message.connectedUser ?? '',
        calendarUrl: `${home}/${calendar}`,
      }),
      [BusKeys.calendar(home, calendar)],
    );
  }
}
