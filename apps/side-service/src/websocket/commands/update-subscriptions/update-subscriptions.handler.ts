import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { forEachBounded, reasonOf } from '@app/core';
import { DavCollectionAccess, DavIdentity, DavSyncTokenClient } from '@app/dav-client';
import { BusKeys, EventBus } from '@app/event-bus';
import { Collection, collectionOf } from '../../protocol/client-frame';
import type { PushSession } from '../../sessions/push-session';
import { SubscriptionsReply, UpdateSubscriptionsCommand } from './update-subscriptions.command';

type Refusal = 'Forbidden' | 'NotFound' | 'Internal Error';

/** Access checks run this many at a time for one frame. */
const CHECKS_IN_FLIGHT = 8;

/**
 * Register: an entry already subscribed stays so; otherwise the user's read access is checked as DAV sees it
 * (calendar: its sync token; address book: a one-card read) and the session listens to the collection's bus key.
 * Unregister: the listener is removed; an entry that was not subscribed is still reported as unregistered.
 */
@CommandHandler(UpdateSubscriptionsCommand)
export class UpdateSubscriptionsHandler implements ICommandHandler<UpdateSubscriptionsCommand> {
  private readonly logger = new Logger(UpdateSubscriptionsHandler.name);

  constructor(
    private readonly dav: DavSyncTokenClient,
    private readonly bus: EventBus,
  ) {}

  async execute({ session, register, unregister }: UpdateSubscriptionsCommand): Promise<SubscriptionsReply> {
    const outcomes = new Map<string, Refusal | undefined>();
    await forEachBounded(register, CHECKS_IN_FLIGHT, async (path) => {
      outcomes.set(path, await this.subscribe(session, path));
    });
    const reply: Required<SubscriptionsReply> = {
      registered: [],
      notRegistered: {},
      unregistered: [],
      notUnregistered: {},
    };
    for (const path of register) {
      const refusal = outcomes.get(path);
      if (refusal) reply.notRegistered[path] = refusal;
      else reply.registered.push(path);
    }
    for (const path of unregister) {
      const registration = session.subscriptions.get(path);
      session.subscriptions.delete(path);
      try {
        await registration?.unregister();
        reply.unregistered.push(path);
      } catch (error) {
        reply.notUnregistered[path] = reasonOf(error);
      }
    }
    return compact(reply);
  }

  private async subscribe(session: PushSession, path: string): Promise<Refusal | undefined> {
    if (session.subscriptions.has(path)) return undefined;
    const collection = collectionOf(path);
    if (!collection) return 'NotFound';
    let access: DavCollectionAccess;
    try {
      access = await this.accessOf(session.username, collection);
    } catch (error) {
      this.logger.warn(`access to ${path} not checked: ${reasonOf(error)}`);
      return 'Internal Error';
    }
    if (access === 'forbidden') return 'Forbidden';
    if (access === 'not-found') return 'NotFound';
    const key =
      collection.kind === 'calendar'
        ? BusKeys.calendar(collection.homeId, collection.id)
        : BusKeys.addressBook(collection.homeId, collection.id);
    try {
      const registration = await this.bus.register(key, session.listener);
      if (session.closed) await registration.unregister();
      else session.subscriptions.set(path, registration);
      return undefined;
    } catch (error) {
      this.logger.warn(`${path} not registered: ${reasonOf(error)}`);
      return 'Internal Error';
    }
  }

  private async accessOf(username: string, collection: Collection): Promise<DavCollectionAccess> {
    const identity = DavIdentity.user(username);
    if (collection.kind === 'addressbook')
      return this.dav.addressBookAccess(identity, collection.homeId, collection.id);
    const token = await this.dav.calendarSyncToken(identity, collection.homeId, collection.id);
    return token.kind === 'token' ? 'allowed' : token.kind;
  }
}

function compact(reply: Required<SubscriptionsReply>): SubscriptionsReply {
  return {
    ...(reply.registered.length ? { registered: reply.registered } : {}),
    ...(Object.keys(reply.notRegistered).length ? { notRegistered: reply.notRegistered } : {}),
    ...(reply.unregistered.length ? { unregistered: reply.unregistered } : {}),
    ...(Object.keys(reply.notUnregistered).length ? { notUnregistered: reply.notUnregistered } : {}),
  };
}
