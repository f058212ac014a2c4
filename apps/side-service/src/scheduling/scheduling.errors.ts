import { InvalidArgumentError } from '@app/core';

/** A local-delivery message that can never be processed: dead-lettered at once, with this reason logged. */
export class InvalidLocalDeliveryMessageError extends InvalidArgumentError {
  constructor(details: string) {
    super('The iTIP local-delivery message is invalid', details);
  }
}
