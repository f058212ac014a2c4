import { Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandBus } from '@nestjs/cqrs';
import { SchedulerRegistry } from '@nestjs/schedule';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { IncomingMessage } from 'node:http';
import type { RawData, VerifyClientCallbackAsync, WebSocket, WebSocketServer } from 'ws';
import type { AllConfig, WebsocketConfig } from '@app/config';
import { reasonOf } from '@app/core';
import { BusKeys, EventBus } from '@app/event-bus';
import { AuthenticateSocketCommand } from './commands/authenticate-socket/authenticate-socket.command';
import { UpdateSubscriptionsCommand } from './commands/update-subscriptions/update-subscriptions.command';
import { PushDelivery } from './delivery/push-delivery';
import { ClientFrame, ProtocolErrors, parseClientFrame } from './protocol/client-frame';
import { CloseCodes, PushSession } from './sessions/push-session';
import { SessionRegistry } from './sessions/session-registry';

/** The SchedulerRegistry name of the ping round (every WEBSOCKET_PING_INTERVAL). */
const PING_INTERVAL = 'websocket-ping';

export const WEBSOCKET_PATH = '/ws';

/**
 * `GET /ws?ticket=…` on the REST port (rest-api.md §6.7). The upgrade is accepted only with a valid single-use
 * ticket (else 401; 429 when the user already has the maximum of sockets on this node); the ticket itself is never
 * logged. The user's own bus key is subscribed at once (`{"calendarListRegistered":true}`); client frames are
 * validated (size, JSON, known members) and answered; every `WEBSOCKET_PING_INTERVAL` the server pings each
 * socket and closes those that did not answer the previous ping.
 */
@WebSocketGateway({ path: WEBSOCKET_PATH })
export class PushGateway
  implements OnGatewayInit<WebSocketServer>, OnGatewayConnection<WebSocket>, OnModuleDestroy
{
  private readonly logger = new Logger(PushGateway.name);
  private readonly config: WebsocketConfig;
  private readonly authenticated = new WeakMap<IncomingMessage, string>();

  constructor(
    config: ConfigService<AllConfig, true>,
    private readonly commandBus: CommandBus,
    private readonly bus: EventBus,
    private readonly delivery: PushDelivery,
    private readonly registry: SessionRegistry,
    private readonly scheduler: SchedulerRegistry,
  ) {
    this.config = config.get('websocket', { infer: true });
  }

  afterInit(server: WebSocketServer): void {
    // The options are read at each upgrade: set here, where the gateway's dependencies are available.
    const verifyClient: VerifyClientCallbackAsync<IncomingMessage> = (info, done) =>
      void this.verify(info.req).then(
        (refusal) => (refusal ? done(false, refusal.status, refusal.message) : done(true)),
        (error: unknown) => {
          this.logger.error(`socket authentication failed: ${reasonOf(error)}`);
          done(false, 503, 'Service Unavailable');
        },
      );
    Object.assign(server.options, {
      verifyClient,
      maxPayload: this.config.maxFrameBytes,
      perMessageDeflate: false,
    });
    const pinger = setInterval(() => this.pingAll(), this.config.pingIntervalMs);
    pinger.unref();
    this.scheduler.addInterval(PING_INTERVAL, pinger);
  }

  onModuleDestroy(): void {
    if (this.scheduler.doesExist('interval', PING_INTERVAL)) this.scheduler.deleteInterval(PING_INTERVAL);
    for (const session of [...this.registry.sessions()]) session.socket.terminate();
  }

  handleConnection(socket: WebSocket, request: IncomingMessage): void {
    const username = this.authenticated.get(request);
    this.authenticated.delete(request);
    if (!username) return void socket.close(CloseCodes.policy, 'not authenticated');
    if (this.registry.countOf(username) >= this.config.maxSocketsPerUser)
      return void socket.close(CloseCodes.policy, 'too many sockets for this user');
    const session = new PushSession(
      username,
      socket,
      this.config.sendBufferLimitBytes,
      this.registry.metrics,
    );
    session.listener = this.delivery.listenerFor(session);
    this.registry.add(session);
    socket.on('pong', () => (session.alive = true));
    socket.on('message', (data, isBinary) => this.received(session, data, isBinary));
    socket.on('error', (error) => this.logger.debug(`socket error: ${error.message}`));
    socket.once('close', () => void this.closed(session));
    void this.subscribeDefault(session);
  }

  private async verify(request: IncomingMessage): Promise<{ status: number; message: string } | undefined> {
    const ticket = new URL(request.url ?? '/', 'http://socket').searchParams.get('ticket');
    const username = ticket
      ? await this.commandBus.execute(new AuthenticateSocketCommand(ticket))
      : undefined;
    if (!username) return { status: 401, message: 'Unauthorized' };
    if (this.registry.countOf(username) >= this.config.maxSocketsPerUser)
      return { status: 429, message: 'Too Many Requests' };
    this.authenticated.set(request, username);
    return undefined;
  }

  private async subscribeDefault(session: PushSession): Promise<void> {
    try {
      const registration = await this.bus.register(BusKeys.username(session.username), session.listener);
      if (session.closed) return void (await registration.unregister());
      session.defaultSubscription = registration;
      session.send({ calendarListRegistered: true });
    } catch (error) {
      this.logger.warn(`default subscription failed: ${reasonOf(error)}`);
      session.send({ error: ProtocolErrors.defaultSubscriptions });
    }
  }

  private received(session: PushSession, data: RawData, isBinary: boolean): void {
    session.alive = true;
    const parsed = isBinary
      ? ({ ok: false, error: ProtocolErrors.invalidRequest } as const)
      : parseClientFrame(rawText(data));
    if (!parsed.ok) return void session.send({ error: parsed.error });
    this.handle(session, parsed.frame);
  }

  private handle(session: PushSession, frame: ClientFrame): void {
    switch (frame.kind) {
      case 'ping':
        session.send({});
        return;
      case 'display-notification':
        session.displayNotifications = frame.enabled;
        session.send({ displayNotificationEnabled: frame.enabled });
        return;
      case 'subscriptions':
        if (frame.enableDisplayNotification !== undefined)
          this.handle(session, { kind: 'display-notification', enabled: frame.enableDisplayNotification });
        session.queue = session.queue.then(async () => {
          if (session.closed) return;
          try {
            session.send(
              await this.commandBus.execute(
                new UpdateSubscriptionsCommand(session, frame.register, frame.unregister),
              ),
            );
          } catch (error) {
            this.logger.error(`subscription frame failed: ${reasonOf(error)}`);
            session.send({ error: ProtocolErrors.invalidRequest });
          }
        });
        return;
    }
  }

  private async closed(session: PushSession): Promise<void> {
    session.closed = true;
    this.registry.remove(session);
    await session.queue;
    const registrations = [...session.subscriptions.values()];
    if (session.defaultSubscription) registrations.push(session.defaultSubscription);
    session.subscriptions.clear();
    await Promise.all(
      registrations.map((registration) =>
        registration.unregister().catch((error: unknown) => this.logger.warn(reasonOf(error))),
      ),
    );
  }

  /** Closes the sockets that did not answer the previous ping, pings the others. */
  private pingAll(): void {
    for (const session of this.registry.sessions()) {
      if (!session.alive) {
        session.socket.terminate();
        continue;
      }
      session.alive = false;
      try {
        session.socket.ping();
      } catch {
        session.socket.terminate();
      }
    }
  }
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
