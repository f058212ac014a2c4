import { Injectable, Logger } from '@nestjs/common';
import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';

/** Restarts every consumer of the connection (events.md §1.1: one missing consumer restarts them all). */
@Injectable()
export class ConsumerRestarter {
  private readonly logger = new Logger(ConsumerRestarter.name);
  private restarting?: Promise<void>;

  constructor(private readonly amqp: AmqpConnection) {}

  restartAll(reason: string): Promise<void> {
    this.restarting ??= this.restart(reason).finally(() => (this.restarting = undefined));
    return this.restarting;
  }

  private async restart(reason: string): Promise<void> {
    this.logger.warn(`restarting AMQP consumers: ${reason}`);
    for (const tag of this.amqp.consumerTags) {
      try {
        await this.amqp.cancelConsumer(tag);
      } catch (error) {
        this.logger.debug(`cancelling consumer ${tag} failed: ${(error as Error).message}`);
      }
      try {
        await this.amqp.resumeConsumer(tag);
      } catch (error) {
        this.logger.error(`restarting consumer ${tag} failed: ${(error as Error).message}`);
      }
    }
  }
}
