import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InvalidArgumentError, NotFoundError, isObjectIdHex } from '@app/core';
import { BusKeys, EventBus } from '@app/event-bus';
import { ResourceRepository, TeamCalendarRepository, UserRepository } from '@app/persistence';
import { CalendarListChange, PushEvents } from '../../protocol/push-events';
import { PushCalendarListChangeCommand } from './push-calendar-list-change.command';

/** Rights that make a new calendar instance a delegation rather than a creation (events.md §7). */
const DELEGATED_ACCESS = new Set(['dav:read', 'dav:read-write', 'dav:administration']);

function changeOf(exchange: string, access: unknown): CalendarListChange {
  switch (exchange) {
    case 'calendar:calendar:created':
      return typeof access === 'string' && DELEGATED_ACCESS.has(access) ? 'delegated' : 'created';
    case 'calendar:subscription:created':
      return 'subscribed';
    case 'calendar:calendar:updated':
    case 'calendar:subscription:updated':
      return 'updated';
    case 'calendar:calendar:deleted':
    case 'calendar:subscription:deleted':
      return 'deleted';
    default:
      throw new InvalidArgumentError('Not a calendar or subscription exchange', exchange);
  }
}

/**
 * The owner is the local user whose id is the home id; resources and team calendars have no session and are
 * skipped; an unknown owner is skipped on deletion (the user may be gone), an error otherwise.
 */
@CommandHandler(PushCalendarListChangeCommand)
export class PushCalendarListChangeHandler implements ICommandHandler<PushCalendarListChangeCommand> {
  private readonly logger = new Logger(PushCalendarListChangeHandler.name);

  constructor(
    private readonly bus: EventBus,
    private readonly users: UserRepository,
    private readonly resources: ResourceRepository,
    private readonly teamCalendars: TeamCalendarRepository,
  ) {}

  async execute({ exchange, message }: PushCalendarListChangeCommand): Promise<void> {
    const segments = message.calendarPath.split('/');
    const [, root, home, calendar] = segments;
    if (segments.length !== 4 || root !== 'calendars' || !home || !calendar)
      throw new InvalidArgumentError('calendarPath is not the path of a calendar', message.calendarPath);
    const changeType = changeOf(exchange, message.calendarProps?.access);
    const user = isObjectIdHex(home) ? await this.users.findById(home) : undefined;
    if (!user) {
      if (await this.isResourceOrTeamCalendar(home)) return;
      if (changeType === 'deleted') {
        this.logger.log(`${message.calendarPath} deleted for an unknown owner: nothing to push`);
        return;
      }
      throw new NotFoundError(`No local user owns ${message.calendarPath}`);
    }
    await this.bus.dispatch(
      PushEvents.calendarListChange({ username: user.email, calendarUrl: `${home}/${calendar}`, changeType }),
      [BusKeys.username(user.email)],
    );
  }

  private async isResourceOrTeamCalendar(home: string): Promise<boolean> {
    if (!isObjectIdHex(home)) return false;
    return Boolean((await this.resources.findById(home)) ?? (await this.teamCalendars.findById(home)));
  }
}
