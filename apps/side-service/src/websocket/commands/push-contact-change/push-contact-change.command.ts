import { Command } from '@nestjs/cqrs';
import type { ContactMessage } from '@app/messaging';

/** A card changed (`sabre:contact:*`): its address book's subscribers get the new sync token. */
export class PushContactChangeCommand extends Command<void> {
  constructor(readonly message: ContactMessage) {
    super();
  }
}
