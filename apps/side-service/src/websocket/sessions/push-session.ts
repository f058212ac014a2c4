import type { BusListener, BusRegistration } from '@app/event-bus';
import type { WebSocket } from 'ws';
import type { PushMetrics } from './push-metrics';

const OPEN = 1;
/** Close codes: 1008 policy violation, 1013 try again later. */
export const CloseCodes = { policy: 1008, sendBufferFull: 1013 } as const;

/**
 * One open socket: its user, its subscriptions (collection path → bus registration) and its send side. Frames are
 * JSON text; when more than `sendBufferLimit` bytes wait to be written (a client that does not read), the frame is
 * dropped and the socket closed with 1013 "send buffer full".
 */
export class PushSession {
  displayNotifications = false;
  /** Answered a ping (or sent something) since the last server ping. */
  alive = true;
  closed = false;
  /** Subscribed collection path → its bus registration. */
  readonly subscriptions = new Map<string, BusRegistration>();
  defaultSubscription?: BusRegistration;
  /** Subscription frames are handled one after the other. */
  queue: Promise<void> = Promise.resolve();
  /** Set by the delivery service: turns bus events into frames for this session. */
  listener!: BusListener;

  constructor(
    readonly username: string,
    readonly socket: WebSocket,
    private readonly sendBufferLimit: number,
    private readonly metrics: PushMetrics,
  ) {}

  send(frame: object): boolean {
    if (this.closed || this.socket.readyState !== OPEN) {
      this.metrics.framesDropped.inc({ reason: 'closed' });
      return false;
    }
    const data = JSON.stringify(frame);
    if (this.socket.bufferedAmount + Buffer.byteLength(data) > this.sendBufferLimit) {
      this.metrics.framesDropped.inc({ reason: 'buffer-full' });
      this.socket.close(CloseCodes.sendBufferFull, 'send buffer full');
      return false;
    }
    this.socket.send(data);
    this.metrics.framesSent.inc();
    return true;
  }
}
