import {
  TestSmtpServer,
  TestVhost,
  expectEventually,
  mailLayoutProblems,
  writeRsaKeyPair,
} from '@app/testing';
import type { CapturedMail } from '@app/testing';
import { TestService, startTestService } from '../../support/service-apps';
import { seedDomain, seedUser } from './notification-fixtures';

/** The service on its own RabbitMQ virtual host and a capturing SMTP server, with the usual people seeded. */
export interface MailPipeline {
  vhost: TestVhost;
  smtp: TestSmtpServer;
  service: TestService;
  keys: ReturnType<typeof writeRsaKeyPair>;
  close(): Promise<void>;
}

export async function startMailPipeline(env: Record<string, string | undefined> = {}): Promise<MailPipeline> {
  const vhost = await TestVhost.create();
  const smtp = await TestSmtpServer.start();
  const keys = writeRsaKeyPair();
  const service = await startTestService({
    ...vhost.env(),
    ...smtp.env(),
    JWT_PRIVATE_KEY_PATH: keys.privateKeyPath,
    JWT_PUBLIC_KEY_PATHS: keys.publicKeyPath,
    MAIL_SENDER: 'calendar@twake.test',
    MAIL_RETRY_DELAY: '300ms',
    MAIL_RECIPIENT_WHITELIST: undefined,
    ...env,
  });
  const db = service.database.db;
  const domain = await seedDomain(db, 'twake.test');
  await seedUser(db, domain, {
    email: 'alice@twake.test',
    firstname: 'Alice',
    lastname: 'Martin',
    language: 'vi',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  await seedUser(db, domain, {
    email: 'bob@twake.test',
    firstname: 'Bob',
    lastname: 'Durand',
    language: 'fr',
    timeZone: 'America/New_York',
  });
  await seedUser(db, domain, { email: 'carol@twake.test', firstname: 'Carol', lastname: '' });
  await seedUser(db, domain, {
    email: 'dmitri@twake.test',
    firstname: 'Dmitri',
    lastname: 'Ivanov',
    language: 'ru',
    timeZone: 'Europe/Moscow',
  });
  return {
    vhost,
    smtp,
    service,
    keys,
    close: async () => {
      await service.close();
      await smtp.stop();
      await vhost.delete();
    },
  };
}

/** Waits for exactly `count` mails to `address` and returns them. */
export function mailsTo(
  smtp: TestSmtpServer,
  address: string,
  count = 1,
  timeoutMs = 10_000,
): Promise<CapturedMail[]> {
  return expectEventually(
    () => {
      const mails = smtp.to(address);
      expect(mails).toHaveLength(count);
      return mails;
    },
    { timeoutMs },
  ).then((mails) => {
    // Every mail a test reads is checked against the MIME layout and headers of mail.md §5.
    for (const mail of mails) expect(mailLayoutProblems(mail.raw)).toEqual([]);
    return mails;
  });
}
