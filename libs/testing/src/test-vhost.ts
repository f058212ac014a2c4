import { randomBytes } from 'node:crypto';
import { ChannelModel, GetMessage, connect } from 'amqplib';

/**
 * A RabbitMQ virtual host of its own for one test file (test files run concurrently on one broker), created
 * through the management API with full permissions for the stack's user, and deleted at the end.
 */
export class TestVhost {
  private model?: ChannelModel;

  private constructor(
    readonly name: string,
    readonly uri: string,
  ) {}

  static async create(): Promise<TestVhost> {
    const name = `test-${randomBytes(5).toString('hex')}`;
    await management('PUT', `/api/vhosts/${encodeURIComponent(name)}`);
    await management(
      'PUT',
      `/api/permissions/${encodeURIComponent(name)}/${encodeURIComponent(amqpUser())}`,
      {
        configure: '.*',
        write: '.*',
        read: '.*',
      },
    );
    const url = new URL(process.env.RABBITMQ_URI!);
    url.pathname = `/${encodeURIComponent(name)}`;
    return new TestVhost(name, url.toString());
  }

  /** The variables pointing the service at this virtual host. */
  env(): Record<string, string> {
    return { RABBITMQ_URI: this.uri, RABBITMQ_VHOST: this.name };
  }

  /** Publishes as esn-sabre does: default properties, JSON (or raw) body, empty routing key. */
  async publish(exchange: string, body: object | string | Buffer, routingKey = ''): Promise<void> {
    const channel = await (await this.connection()).createConfirmChannel();
    try {
      const content = Buffer.isBuffer(body)
        ? body
        : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
      channel.publish(exchange, routingKey, content);
      await channel.waitForConfirms();
    } finally {
      await channel.close();
    }
  }

  /** Publishes many messages on one confirm channel, as a busy DAV server would, and waits for the confirms. */
  async publishMany(exchange: string, bodies: Iterable<object | string>): Promise<void> {
    const channel = await (await this.connection()).createConfirmChannel();
    try {
      for (const body of bodies) {
        const content = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
        if (!channel.publish(exchange, '', content))
          await new Promise((resolve) => channel.once('drain', resolve));
      }
      await channel.waitForConfirms();
    } finally {
      await channel.close();
    }
  }

  /** Takes every message currently in the queue (they are acknowledged). */
  async drain(queue: string): Promise<GetMessage[]> {
    const channel = await (await this.connection()).createChannel();
    const messages: GetMessage[] = [];
    try {
      for (;;) {
        const message = await channel.get(queue, { noAck: true });
        if (!message) return messages;
        messages.push(message);
      }
    } finally {
      await channel.close();
    }
  }

  /** Messages ready in the queue, straight from the broker (no management statistics lag). */
  async messageCount(queue: string): Promise<number> {
    const channel = await (await this.connection()).createChannel();
    try {
      return (await channel.checkQueue(queue)).messageCount;
    } finally {
      await channel.close();
    }
  }

  async queueArguments(queue: string): Promise<Record<string, unknown>> {
    const response = (await management(
      'GET',
      `/api/queues/${encodeURIComponent(this.name)}/${encodeURIComponent(queue)}`,
    )) as { arguments: Record<string, unknown> };
    return response.arguments;
  }

  /** Closes every client connection to this virtual host from the broker side, as a broker restart does. */
  async dropConnections(): Promise<number> {
    const connections = (await management(
      'GET',
      `/api/vhosts/${encodeURIComponent(this.name)}/connections`,
    )) as {
      name: string;
    }[];
    for (const connection of connections)
      await management('DELETE', `/api/connections/${encodeURIComponent(connection.name)}`).catch(
        () => undefined,
      );
    return connections.length;
  }

  async delete(): Promise<void> {
    await this.model?.close().catch(() => undefined);
    await management('DELETE', `/api/vhosts/${encodeURIComponent(this.name)}`).catch(() => undefined);
  }

  private async connection(): Promise<ChannelModel> {
    if (!this.model) {
      const model = await connect(this.uri);
      model.on('error', () => undefined);
      // Dropped with the others (dropConnections): the next call opens a new one.
      model.on('close', () => {
        if (this.model === model) this.model = undefined;
      });
      this.model = model;
    }
    return this.model;
  }
}

function amqpUser(): string {
  return decodeURIComponent(new URL(process.env.RABBITMQ_URI!).username || 'guest');
}

async function management(method: string, path: string, body?: unknown): Promise<unknown> {
  const base = process.env.RABBITMQ_MANAGEMENT_URI!.replace(/\/+$/, '');
  const user = process.env.RABBITMQ_MANAGEMENT_USER ?? 'guest';
  const password = process.env.RABBITMQ_MANAGEMENT_PASSWORD ?? 'guest';
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}
