import { DependencyUnavailableError, DomainError, ErrorCode } from '@app/core';
import { OutgoingMail } from './outgoing-mail';

/** A delivery started before its mail is ready (e.g. an SMTP session being opened). */
export interface PreparedSend {
  send(mail: OutgoingMail): Promise<void>;
  /** The mail will not be sent after all. */
  abandon(): void;
}

/** Port: hands a rendered mail over for delivery (SMTP relay, or the local outbox folder). */
export abstract class MailSender {
  abstract send(mail: OutgoingMail): Promise<void>;

  /** Starts what can be started before the mail exists; by default nothing. */
  prepare(): PreparedSend {
    return { send: (mail) => this.send(mail), abandon: () => undefined };
  }
}

/** The mail could not be handed over for now (server down, temporary 4xx): sending it later may work. */
export class MailDeliveryUnavailableError extends DependencyUnavailableError {
  constructor(details: string) {
    super('The mail server is unavailable', details);
  }
}

/** The mail server refused the mail for good (5xx, every recipient rejected, authentication refused). */
export class MailRejectedError extends DomainError {
  constructor(details: string) {
    super(ErrorCode.UpstreamFailure, 'The mail server refused the mail', details);
  }
}
