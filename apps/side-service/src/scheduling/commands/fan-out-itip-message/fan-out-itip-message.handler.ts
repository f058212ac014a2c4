import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ITIP_LOCAL_DELIVERY_EXCHANGE, MessagePublisher } from '@app/messaging';
import { copyFor, deliveryKey } from '../../local-delivery/local-delivery-message';
import { FanOutBarrier } from '../../ordering/fan-out-barrier';
import { DEFERRED, ItipOrdering } from '../../ordering/itip-ordering';
import { FanOutItipMessageCommand, FanOutOutcome } from './fan-out-itip-message.command';

/**
 * Publishes one copy per recipient to `calendar:itip:localDelivery` (payload unchanged but `recipients`), after
 * opening the fan-out of the UID so that later messages of that UID wait for the copies.
 */
@CommandHandler(FanOutItipMessageCommand)
export class FanOutItipMessageHandler implements ICommandHandler<FanOutItipMessageCommand> {
  constructor(
    private readonly ordering: ItipOrdering,
    private readonly barrier: FanOutBarrier,
    private readonly publisher: MessagePublisher,
  ) {}

  async execute({ message }: FanOutItipMessageCommand): Promise<FanOutOutcome> {
    const outcome = await this.ordering.fanOut(message.uid, async () => {
      const fanOutId = await this.barrier.open(
        message.uid,
        message.recipients.map((recipient) => deliveryKey(message, recipient)),
      );
      if (!fanOutId) return DEFERRED;
      try {
        await Promise.all(
          message.recipients.map((recipient) =>
            this.publisher.publish(ITIP_LOCAL_DELIVERY_EXCHANGE, '', copyFor(message, recipient)),
          ),
        );
      } catch (error) {
        await this.barrier.close(message.uid, fanOutId);
        throw error;
      }
      return 'fanned-out' as const;
    });
    if (outcome !== DEFERRED) return outcome;
    await this.publisher.publish(ITIP_LOCAL_DELIVERY_EXCHANGE, '', { ...message.body });
    return 'deferred';
  }
}
