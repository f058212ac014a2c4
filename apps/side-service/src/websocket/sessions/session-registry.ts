import { Injectable } from '@nestjs/common';
import { PushMetrics } from './push-metrics';
import { PushSession } from './push-session';

/** The open sessions of this node, per user (for the per-user socket limit) and overall (for the pings). */
@Injectable()
export class SessionRegistry {
  readonly metrics = PushMetrics.create();
  private readonly all = new Set<PushSession>();
  private readonly byUser = new Map<string, number>();

  countOf(username: string): number {
    return this.byUser.get(username) ?? 0;
  }

  get size(): number {
    return this.all.size;
  }

  sessions(): Iterable<PushSession> {
    return this.all;
  }

  add(session: PushSession): void {
    this.all.add(session);
    this.byUser.set(session.username, this.countOf(session.username) + 1);
    this.metrics.openSockets.set(this.all.size);
  }

  remove(session: PushSession): void {
    if (!this.all.delete(session)) return;
    const left = this.countOf(session.username) - 1;
    if (left > 0) this.byUser.set(session.username, left);
    else this.byUser.delete(session.username);
    this.metrics.openSockets.set(this.all.size);
  }
}
