import { Injectable } from '@nestjs/common';
import { forEachBounded } from '@app/core';
import { DavCalendarsClient, DavIdentity } from '@app/dav-client';
import type { DeletionTarget, UserDeletionStep } from '../deletion-step';

/**
 * `DavCalendarDeletionTaskStep` (dav.md §5.12): every listed calendar of the user is deleted (own, delegated
 * instances, subscriptions), except the default one, which is emptied object by object.
 */
@Injectable()
export class DavCalendarDeletionStep implements UserDeletionStep {
  readonly name = 'DavCalendarDeletionTaskStep';
  readonly priority = 1;

  constructor(private readonly dav: DavCalendarsClient) {}

  async run({ user }: DeletionTarget, signal: AbortSignal): Promise<void> {
    if (!user) return;
    const identity = DavIdentity.user(user.email);
    for (const calendar of await this.dav.listCalendars(identity, user.id)) {
      if (signal.aborted) return;
      if (calendar.homeId === user.id && calendar.calendarId === user.id) {
        const names = await this.dav.objectNames(identity, user.id, user.id);
        await forEachBounded(
          names,
          4,
          (name) => this.dav.deleteCalendarObject(identity, user.id, user.id, name),
          signal,
        );
      } else await this.dav.deleteCalendar(identity, calendar.homeId, calendar.calendarId);
    }
  }
}
