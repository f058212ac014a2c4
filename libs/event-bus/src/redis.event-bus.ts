import { Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Redis, RedisOptions } from 'ioredis';
import { reasonOf } from '@app/core';
import { BusEvent, BusListener, BusRegistration, EventBus, EventBusUnavailableError } from './event-bus';
import { publishTimer } from './event-bus.metrics';
import { LocalListeners } from './local-listeners';

/** Between the origin bus id, the routing key and the event JSON in a published message (storage.md §17.2). */
const SEPARATOR = '|||';
/** Prefix of the Redis set listing the channels (bus ids) of the nodes listening to a key. */
export const REDIS_EVENT_BUS_SET_PREFIX = 'tcal_eventbus:';

export interface RedisEventBusOptions {
  url: string;
  tls?: { rejectUnauthorized: boolean };
  /** `REDIS_EVENTBUS_FAILURE_IGNORE`: Redis errors are logged and the operation goes on locally. */
  failureIgnore: boolean;
  /** `REDIS_EVENTBUS_TIMEOUT`: bound of every Redis operation of the bus. */
  timeoutMs: number;
}

const isBusEvent = (value: unknown): value is BusEvent =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as BusEvent).type === 'string' &&
  typeof (value as BusEvent).eventId === 'string';

/**
 * Cross-node bus on Redis pub/sub (storage.md §17.2). Each node subscribes to a channel named after its random bus
 * id; the first local listener of a key `SADD`s that channel to the set `tcal_eventbus:<key>`, the last one leaving
 * `SREM`s it. A dispatch delivers to the local listeners, then `SMEMBERS` each key's set and `PUBLISH`es
 * `<origin bus id>|||<key>|||<event JSON>` to every other node's channel. Redis errors and timeouts fail the
 * operation, or are logged when `failureIgnore` is set (delivery then stays local).
 */
export class RedisEventBus extends EventBus implements OnModuleInit, OnApplicationShutdown {
  readonly busId = randomUUID();
  private readonly logger = new Logger(RedisEventBus.name);
  private readonly listeners = new LocalListeners();
  private readonly commands: Redis;
  private readonly subscriber: Redis;
  private readonly publishDuration = publishTimer();
  private everReady = false;
  private lastError?: string;

  constructor(private readonly options: RedisEventBusOptions) {
    super();
    const common: RedisOptions = {
      connectTimeout: Math.min(options.timeoutMs, 5_000),
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
      tls: options.tls,
      lazyConnect: true,
    };
    // Commands fail at once while disconnected (no offline queue): a dispatch never waits for Redis to come back.
    this.commands = new Redis(options.url, {
      ...common,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: options.timeoutMs,
    });
    this.subscriber = new Redis(options.url, { ...common, autoResubscribe: true });
    for (const client of [this.commands, this.subscriber])
      client.on('error', (error: Error) => this.connectionError(error));
    this.commands.on('ready', () => this.commandsReady());
    this.subscriber.on('messageBuffer', (_channel: Buffer, message: Buffer) => this.received(message));
  }

  async onModuleInit(): Promise<void> {
    // Redis unavailable at start-up is not fatal: the clients keep reconnecting and operations report the failure.
    await Promise.all([
      this.commands.connect().catch(() => undefined),
      this.subscriber
        .connect()
        .then(() => this.subscriber.subscribe(this.busId))
        .catch((error: unknown) => this.logger.warn(`not subscribed yet: ${reasonOf(error)}`)),
    ]);
    if (this.subscriber.status === 'ready' || this.subscriber.status === 'connect') return;
    // `connect()` rejected: subscribe as soon as the subscriber connects (auto-resubscription covers later drops).
    this.subscriber.once('ready', () => {
      this.subscriber
        .subscribe(this.busId)
        .catch((error: unknown) => this.logger.warn(`subscription failed: ${reasonOf(error)}`));
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const keys = this.listeners.keys();
    if (keys.length > 0 && this.commands.status === 'ready') {
      const leaving = this.commands.pipeline();
      for (const key of keys) leaving.srem(REDIS_EVENT_BUS_SET_PREFIX + key, this.busId);
      await this.bounded(leaving.exec()).catch(() => undefined);
    }
    this.subscriber.disconnect();
    this.commands.disconnect();
  }

  async register(key: string, listener: BusListener): Promise<BusRegistration> {
    if (this.listeners.add(key, listener)) {
      try {
        await this.bounded(this.commands.sadd(REDIS_EVENT_BUS_SET_PREFIX + key, this.busId));
      } catch (error) {
        if (!this.options.failureIgnore) {
          this.listeners.remove(key, listener);
          throw new EventBusUnavailableError(reasonOf(error));
        }
        this.logger.warn(`${key} registered on this node only: ${reasonOf(error)}`);
      }
    }
    return { unregister: () => this.unregister(key, listener) };
  }

  async dispatch(event: BusEvent, keys: readonly string[]): Promise<void> {
    const stop = this.publishDuration.startTimer();
    const unique = [...new Set(keys)];
    try {
      for (const key of unique) this.listeners.deliver(event, key);
      await this.bounded(this.publish(event, unique));
    } catch (error) {
      if (!this.options.failureIgnore) throw new EventBusUnavailableError(reasonOf(error));
      this.logger.warn(`${event.type} ${event.eventId} delivered on this node only: ${reasonOf(error)}`);
    } finally {
      stop();
    }
  }

  private async unregister(key: string, listener: BusListener): Promise<void> {
    if (!this.listeners.remove(key, listener)) return;
    try {
      await this.bounded(this.commands.srem(REDIS_EVENT_BUS_SET_PREFIX + key, this.busId));
    } catch (error) {
      // A stale entry only costs a publication nobody receives; it is removed again at the next unregistration.
      this.logger.warn(`${key} left in Redis: ${reasonOf(error)}`);
    }
  }

  private async publish(event: BusEvent, keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const lookup = this.commands.pipeline();
    for (const key of keys) lookup.smembers(REDIS_EVENT_BUS_SET_PREFIX + key);
    const members = (await lookup.exec()) ?? [];
    const json = JSON.stringify(event);
    const publications = this.commands.pipeline();
    let count = 0;
    members.forEach(([error, channels], index) => {
      if (error) throw error;
      for (const channel of channels as string[]) {
        if (channel === this.busId) continue;
        publications.publish(channel, `${this.busId}${SEPARATOR}${keys[index]}${SEPARATOR}${json}`);
        count++;
      }
    });
    if (count === 0) return;
    for (const [error] of (await publications.exec()) ?? []) if (error) throw error;
  }

  private received(message: Buffer): void {
    const text = message.toString('utf8');
    const first = text.indexOf(SEPARATOR);
    const second = first < 0 ? -1 : text.indexOf(SEPARATOR, first + SEPARATOR.length);
    if (second < 0) return void this.logger.warn('malformed event bus message ignored');
    if (text.slice(0, first) === this.busId) return;
    const key = text.slice(first + SEPARATOR.length, second);
    let event: unknown;
    try {
      event = JSON.parse(text.slice(second + SEPARATOR.length));
    } catch {
      return void this.logger.warn(`event bus message for ${key} is not JSON: ignored`);
    }
    if (!isBusEvent(event)) return void this.logger.warn(`event bus message for ${key} has no type: ignored`);
    this.listeners.deliver(event, key);
  }

  /** After a reconnection Redis may have lost the sets (restart without persistence): announce every key again. */
  private commandsReady(): void {
    if (this.lastError) this.logger.log('Redis reachable again');
    this.lastError = undefined;
    if (!this.everReady) {
      this.everReady = true;
      return;
    }
    const keys = this.listeners.keys();
    if (keys.length === 0) return;
    const announce = this.commands.pipeline();
    for (const key of keys) announce.sadd(REDIS_EVENT_BUS_SET_PREFIX + key, this.busId);
    announce
      .exec()
      .catch((error: unknown) => this.logger.warn(`keys not announced again: ${reasonOf(error)}`));
  }

  private connectionError(error: Error): void {
    if (this.lastError === error.message) return;
    this.lastError = error.message;
    this.logger.warn(`Redis connection: ${error.message}`);
  }

  private bounded<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer from Redis within ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }
}
