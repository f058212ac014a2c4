import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { expectEventually } from '@app/testing';
import { MailPipeline, mailsTo, startMailPipeline } from './support/mail-pipeline';
import { NOTIFICATION_EXCHANGE, NOTIFICATION_QUEUE, ics } from './support/notification-fixtures';

function invitation(recipientEmail: string, uid: string) {
  return {
    senderEmail: 'alice@twake.test',
    recipientEmail,
    method: 'REQUEST',
    event: ics('REQUEST', {
      uid,
      summary: 'Planning',
      start: '20300512T093000',
      end: '20300512T100000',
      organizer: { email: 'alice@twake.test', cn: 'Alice Martin' },
      attendees: [{ email: recipientEmail }],
    }),
    eventPath: `/calendars/a01/a01/${uid}.ics`,
    isNewEvent: true,
  };
}

describe('without SMTP_HOST: the local outbox', () => {
  let pipeline: MailPipeline;
  const outbox = mkdtempSync(join(tmpdir(), 'tcal-outbox-'));

  beforeAll(async () => {
    pipeline = await startMailPipeline({
      SMTP_HOST: undefined,
      SMTP_PORT: undefined,
      MAIL_OUTBOX_DIR: outbox,
    });
  });
  afterAll(async () => {
    await pipeline?.close();
  });

  it('writes each mail as an .eml file', async () => {
    await pipeline.vhost.publish(NOTIFICATION_EXCHANGE, invitation('bob@twake.test', 'outbox'));
    const [file] = await expectEventually(() => {
      const files = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
      expect(files).toHaveLength(1);
      return files;
    });
    const mail = await simpleParser(readFileSync(join(outbox, file!)));
    expect(mail.subject).toBe('Invitation de Alice Martin : Planning');
    expect(mail.to).toMatchObject({ value: [{ address: 'bob@twake.test' }] });
    expect(mail.attachments.map((attachment) => attachment.contentType)).toContain('text/calendar');
    expect(pipeline.smtp.messages).toHaveLength(0);
  });
});

describe('MAIL_RECIPIENT_WHITELIST', () => {
  let pipeline: MailPipeline;

  beforeAll(async () => {
    pipeline = await startMailPipeline({ MAIL_RECIPIENT_WHITELIST: 'Carol@twake.test' });
  });
  afterAll(async () => {
    await pipeline?.close();
  });

  it('mails whitelisted recipients only, without dead-lettering the others', async () => {
    await pipeline.vhost.publish(NOTIFICATION_EXCHANGE, invitation('bob@twake.test', 'not-listed'));
    await pipeline.vhost.publish(NOTIFICATION_EXCHANGE, invitation('carol@twake.test', 'listed'));
    await mailsTo(pipeline.smtp, 'carol@twake.test');
    await expectEventually(async () => expect(await pipeline.vhost.messageCount(NOTIFICATION_QUEUE)).toBe(0));
    expect(pipeline.smtp.to('bob@twake.test')).toHaveLength(0);
    expect(await pipeline.vhost.messageCount('tcalendar:event:notificationEmail:send:dead-letter')).toBe(0);
  });
});
