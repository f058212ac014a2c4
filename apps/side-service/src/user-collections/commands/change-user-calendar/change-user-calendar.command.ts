import { Command } from '@nestjs/cqrs';
import type { CalendarShareUpdate } from '@app/dav-client';

/** What can be done to an existing calendar of a user (webadmin.md §10.1). */
export type UserCalendarChange =
  | { kind: 'delete' }
  | { kind: 'properties'; properties: Record<string, string> }
  | { kind: 'public-right'; privilege: string }
  | { kind: 'share'; update: CalendarShareUpdate };

/** Applies a change to `/calendars/{userId}/{calendarId}`, which must exist ("Calendar does not exist"). */
export class ChangeUserCalendarCommand extends Command<void> {
  constructor(
    public readonly username: string,
    public readonly calendarId: string,
    public readonly change: UserCalendarChange,
  ) {
    super();
  }
}
