import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { Counter, Summary, register } from 'prom-client';

const KINDS = ['find', 'insert', 'update', 'delete', 'findAndModify', 'other'] as const;
type Kind = (typeof KINDS)[number];

function kindOf(commandName: string): Kind {
  return (KINDS as readonly string[]).includes(commandName) ? (commandName as Kind) : 'other';
}

function metric<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

/**
 * `mongodb_command_<kind>_count_total` counters and `mongodb_command_<kind>_timer` summaries (seconds), the names
 * the original exposes, fed by the driver's command monitoring.
 */
@Injectable()
export class MongoCommandMetrics implements OnModuleInit {
  private readonly counters = new Map<Kind, Counter>();
  private readonly timers = new Map<Kind, Summary>();

  constructor(@InjectConnection() private readonly connection: Connection) {
    for (const kind of KINDS) {
      this.counters.set(
        kind,
        metric(
          `mongodb_command_${kind}_count_total`,
          () =>
            new Counter({ name: `mongodb_command_${kind}_count_total`, help: `MongoDB ${kind} commands` }),
        ),
      );
      this.timers.set(
        kind,
        metric(
          `mongodb_command_${kind}_timer`,
          () =>
            new Summary({
              name: `mongodb_command_${kind}_timer`,
              help: `Duration of MongoDB ${kind} commands in seconds`,
              percentiles: [0.5, 0.75, 0.95, 0.99],
              maxAgeSeconds: 600,
              ageBuckets: 5,
            }),
        ),
      );
    }
  }

  onModuleInit(): void {
    const client = this.connection.getClient();
    const record = (event: { commandName: string; duration: number }) => {
      const kind = kindOf(event.commandName);
      this.counters.get(kind)!.inc();
      this.timers.get(kind)!.observe(event.duration / 1000);
    };
    client.on('commandSucceeded', record);
    client.on('commandFailed', record);
  }
}
