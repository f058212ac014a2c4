import { Injectable, Logger } from '@nestjs/common';
import { DavIdentity, DavSyncToken, DavSyncTokenClient } from '@app/dav-client';
import type { BusEvent, BusListener } from '@app/event-bus';
import { reasonOf } from '@app/core';
import type { PushEvent } from '../protocol/push-events';
import type { PushSession } from '../sessions/push-session';

/**
 * Turns bus events into frames for one session (rest-api.md §6.7, events.md §7). Sync tokens are read from DAV as
 * the session's user when the event arrives (an error sends nothing); sessions of one user share one read per
 * event.
 */
@Injectable()
export class PushDelivery {
  private readonly logger = new Logger(PushDelivery.name);
  private readonly reads = new Map<string, Promise<string | undefined>>();

  constructor(private readonly tokens: DavSyncTokenClient) {}

  listenerFor(session: PushSession): BusListener {
    return (event: BusEvent) => this.deliver(session, event as PushEvent);
  }

  deliver(session: PushSession, event: PushEvent): void {
    switch (event.type) {
      case 'calendar-change': {
        const [home, calendar] = event.calendarUrl.split('/') as [string, string];
        const path = `/calendars/${event.calendarUrl}`;
        return this.pushToken(session, event.eventId, path, (identity) =>
          this.tokens.calendarSyncToken(identity, home, calendar),
        );
      }
      case 'addressbook-change': {
        const [, , home, book] = event.addressBookUrl.split('/') as [string, string, string, string];
        return this.pushToken(session, event.eventId, event.addressBookUrl, (identity) =>
          this.tokens.addressBookSyncToken(identity, home, book),
        );
      }
      case 'calendar-list-change':
        session.send({ calendarList: { [event.changeType]: [`/calendars/${event.calendarUrl}`] } });
        return;
      case 'import-progress':
        session.send({
          [event.importURI]: {
            imports: {
              [event.importId]:
                event.status === 'completed'
                  ? { status: event.status, succeedCount: event.succeedCount, failedCount: event.failedCount }
                  : { status: event.status },
            },
          },
        });
        return;
      case 'alarm':
        if (session.displayNotifications)
          session.send({
            alarms: [
              {
                eventSummary: event.eventSummary,
                eventURL: event.eventURL,
                eventStartTime: event.eventStartTime,
              },
            ],
          });
        return;
      case 'booking-link-state-change':
        session.send({ bookingLinkStateChanged: true });
        return;
      default:
        this.logger.warn(`unknown push event ${(event as BusEvent).type} ignored`);
    }
  }

  private pushToken(
    session: PushSession,
    eventId: string,
    path: string,
    read: (identity: DavIdentity) => Promise<DavSyncToken>,
  ): void {
    const key = `${eventId}\n${session.username}\n${path}`;
    let token = this.reads.get(key);
    if (!token) {
      token = read(DavIdentity.user(session.username))
        .then((answer) => (answer.kind === 'token' ? answer.token : undefined))
        .catch((error: unknown) => {
          this.logger.warn(`sync token of ${path} not read for a session: ${reasonOf(error)}`);
          return undefined;
        })
        .finally(() => this.reads.delete(key));
      this.reads.set(key, token);
    }
    void token.then((value) => {
      if (value !== undefined) session.send({ [path]: { syncToken: value } });
    });
  }
}
