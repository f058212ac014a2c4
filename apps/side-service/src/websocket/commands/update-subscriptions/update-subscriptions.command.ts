import { Command } from '@nestjs/cqrs';
import type { PushSession } from '../../sessions/push-session';

/** The reply to a register/unregister frame (rest-api.md §6.7): empty members are omitted. */
export interface SubscriptionsReply {
  registered?: string[];
  notRegistered?: Record<string, 'Forbidden' | 'NotFound' | 'Internal Error'>;
  unregistered?: string[];
  notUnregistered?: Record<string, string>;
}

/** Subscribes the session to collections it may read and unsubscribes it from others. */
export class UpdateSubscriptionsCommand extends Command<SubscriptionsReply> {
  constructor(
    readonly session: PushSession,
    readonly register: readonly string[],
    readonly unregister: readonly string[],
  ) {
    super();
  }
}
