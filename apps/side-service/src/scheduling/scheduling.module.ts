import { Module } from '@nestjs/common';
import { DeliverItipMessageHandler } from './commands/deliver-itip-message/deliver-itip-message.handler';
import { FanOutItipMessageHandler } from './commands/fan-out-itip-message/fan-out-itip-message.handler';
import { ItipLocalDeliveryConsumer } from './consumers/itip-local-delivery.consumer';
import { DeliveryLedger } from './local-delivery/delivery-ledger';
import { FanOutBarrier } from './ordering/fan-out-barrier';
import { ItipOrdering, ORDERING_WAIT_MS } from './ordering/itip-ordering';
import { RecipientResolver } from './recipients/recipient-resolver';
import { ResourceChangesListener } from './recipients/resource-changes.listener';
import { SchedulingSweeper } from './scheduling.sweeper';

const commandHandlers = [FanOutItipMessageHandler, DeliverItipMessageHandler];
const messageConsumers = [ItipLocalDeliveryConsumer];

/** Longest wait of a message behind the copies of a fan-out of its UID before it is deferred. */
const FAN_OUT_WAIT_MS = 30_000;

/** The scheduling bridge: iTIP local delivery from esn-sabre, `/itip` back to it, notification messages. */
@Module({
  providers: [
    ...commandHandlers,
    ...messageConsumers,
    ItipOrdering,
    FanOutBarrier,
    DeliveryLedger,
    RecipientResolver,
    ResourceChangesListener,
    SchedulingSweeper,
    { provide: ORDERING_WAIT_MS, useValue: FAN_OUT_WAIT_MS },
  ],
})
export class SchedulingModule {}
