import { Injectable } from '@nestjs/common';
import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';

export interface PublishOptions {
  headers?: Record<string, unknown>;
  messageId?: string;
  /** Milliseconds the message may wait in a queue before it expires (or is dead-lettered). */
  expirationMs?: number;
  /** Delivery mode 2. */
  persistent?: boolean;
}

/** Port: publishes a message and resolves once the broker has confirmed it. */
export abstract class MessagePublisher {
  /** `body` is sent as is when it is a Buffer, as JSON otherwise. */
  abstract publish(
    exchange: string,
    routingKey: string,
    body: Buffer | object,
    options?: PublishOptions,
  ): Promise<void>;
}

/** Publishes on the managed confirm channel of the AMQP connection; waits for the broker while reconnecting. */
@Injectable()
export class AmqpMessagePublisher extends MessagePublisher {
  constructor(private readonly amqp: AmqpConnection) {
    super();
  }

  async publish(
    exchange: string,
    routingKey: string,
    body: Buffer | object,
    options: PublishOptions = {},
  ): Promise<void> {
    const content = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    await this.amqp.publish(exchange, routingKey, content, {
      headers: options.headers,
      messageId: options.messageId,
      expiration: options.expirationMs !== undefined ? String(options.expirationMs) : undefined,
      persistent: options.persistent ?? true,
      contentType: Buffer.isBuffer(body) ? undefined : 'application/json',
    });
  }
}
