import { Counter, Gauge, register } from 'prom-client';

function single<M>(name: string, create: () => M): M {
  return (register.getSingleMetric(name) as M | undefined) ?? create();
}

/** `websocket_open_sockets`, `websocket_frames_sent_total`, `websocket_frames_dropped_total{reason}`. */
export class PushMetrics {
  readonly openSockets = single(
    'websocket_open_sockets',
    () => new Gauge({ name: 'websocket_open_sockets', help: 'Open WebSocket connections on this node' }),
  );
  readonly framesSent = single(
    'websocket_frames_sent_total',
    () => new Counter({ name: 'websocket_frames_sent_total', help: 'Frames sent to WebSocket clients' }),
  );
  readonly framesDropped = single(
    'websocket_frames_dropped_total',
    () =>
      new Counter({
        name: 'websocket_frames_dropped_total',
        help: 'Frames not sent: socket closing, or its send buffer full (the socket is then closed)',
        labelNames: ['reason'],
      }),
  );

  static create(): PushMetrics {
    const metrics = new PushMetrics();
    metrics.framesDropped.inc({ reason: 'closed' }, 0);
    metrics.framesDropped.inc({ reason: 'buffer-full' }, 0);
    return metrics;
  }
}
