import { Injectable, Logger } from '@nestjs/common';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MailSender } from './mail-sender';
import { composeMessage } from './mime';
import { OutgoingMail } from './outgoing-mail';

/**
 * The embedded default when no SMTP server is configured: each mail is written, exactly as it would be sent, as
 * one `.eml` file in the outbox folder (any mail client opens them).
 */
@Injectable()
export class OutboxMailSender extends MailSender {
  private readonly logger = new Logger(OutboxMailSender.name);
  private sequence = 0;

  constructor(private readonly folder: string) {
    super();
  }

  async send(mail: OutgoingMail): Promise<void> {
    const { message } = composeMessage(mail);
    await mkdir(this.folder, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const name = `${stamp}-${process.pid}-${(this.sequence++).toString().padStart(6, '0')}`;
    const temporary = join(this.folder, `.${name}.tmp`);
    await writeFile(temporary, message);
    await rename(temporary, join(this.folder, `${name}.eml`));
    this.logger.debug(`mail to ${mail.to.address} written to the outbox ${this.folder}`);
  }
}
