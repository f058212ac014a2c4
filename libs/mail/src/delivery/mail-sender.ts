import { DomainError, ErrorCode } from '@app/core';
import { OutgoingMail } from './outgoing-mail';

/** Port: hands a rendered mail over for delivery (SMTP relay, or the local outbox folder). */
export abstract class MailSender {
  abstract send(mail: OutgoingMail): Promise<void>;
}

/** The mail could not be handed over for now (server down, temporary 4xx): sending it later may work. */
export class MailDeliveryUnavailableError extends DomainError {
  constructor(details: string) {
    super(ErrorCode.UpstreamFailure, 'The mail server is unavailable', details);
  }
}

/** The mail server refused the mail for good (5xx, every recipient rejected, authentication refused). */
export class MailRejectedError extends DomainError {
  constructor(details: string) {
    super(ErrorCode.UpstreamFailure, 'The mail server refused the mail', details);
  }
}
