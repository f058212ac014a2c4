import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InvalidArgumentError } from '@app/core';
import { BusKeys, EventBus } from '@app/event-bus';
import { PushEvents } from '../../protocol/push-events';
import { PushContactChangeCommand } from './push-contact-change.command';

/** `addressbooks/{home}/{book}/{card}.vcf` (leading slash optional) → the book's bus key (events.md §7). */
@CommandHandler(PushContactChangeCommand)
export class PushContactChangeHandler implements ICommandHandler<PushContactChangeCommand> {
  constructor(private readonly bus: EventBus) {}

  async execute({ message }: PushContactChangeCommand): Promise<void> {
    const segments = message.path.replace(/^\/+/, '').split('/');
    const [root, home, book] = segments;
    if (segments.length < 4 || root !== 'addressbooks' || !home || !book)
      throw new InvalidArgumentError('path is not the path of a card', message.path);
    await this.bus.dispatch(
      PushEvents.addressBookChange({
        username: message.owner ?? '',
        addressBookUrl: `/addressbooks/${home}/${book}`,
      }),
      [BusKeys.addressBook(home, book)],
    );
  }
}
