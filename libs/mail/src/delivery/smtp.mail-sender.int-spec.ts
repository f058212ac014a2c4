import { createServer } from 'node:net';
import { TestSmtpServer } from '@app/testing';
import { MailDeliveryUnavailableError, MailRejectedError } from './mail-sender';
import { OutgoingMail } from './outgoing-mail';
import { SmtpMailSender } from './smtp.mail-sender';

const mail: OutgoingMail = {
  from: { address: 'ana@twake.test', name: 'Ana Lima' },
  to: { address: 'bob@twake.test' },
  subject: 'Réunion: planning',
  html: '<p>Hello</p>',
  text: 'Hello',
  language: 'fr',
  calendar: { method: 'REQUEST', ics: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n' },
  autoSubmitted: true,
};

function sender(port: number): SmtpMailSender {
  const settings = {
    connection: { host: '127.0.0.1', port, ignoreTLS: true, connectionTimeout: 2_000 },
    policy: { retries: 3, initialBackoffMs: 10, maxBackoffMs: 50 },
  };
  return new SmtpMailSender(settings);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('SmtpMailSender (real SMTP server)', () => {
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
  });
  afterAll(async () => {
    await smtp.stop();
  });

  it('writes the MIME layout: text and HTML alternatives, calendar part, ICS attachment, headers', async () => {
    await sender(smtp.port).send(mail);
    const [captured] = smtp.to('bob@twake.test');
    expect(captured!.envelope).toEqual({ from: 'ana@twake.test', to: ['bob@twake.test'] });
    const raw = captured!.raw.toString('utf8');
    expect(raw).toMatch(/Content-Type: multipart\/mixed/);
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=UTF-8; method=REQUEST/);
    expect(raw).toMatch(/Content-Type: application\/ics; name="?meeting.ics"?/);
    expect(raw).toMatch(/Content-Disposition: attachment; filename=meeting.ics/);
    expect(raw).toMatch(/Content-Language: fr/);
    expect(raw).toMatch(/Auto-Submitted: auto-generated/);
    expect(raw).toMatch(/Message-ID: <[0-9a-f-]{36}@twake\.test>/);
    expect(captured!.parsed.subject).toBe('Réunion: planning');
  });

  it('refuses for good a mail whose recipient is rejected', async () => {
    smtp.rejectedRecipients.add('bob@twake.test');
    await expect(sender(smtp.port).send(mail)).rejects.toBeInstanceOf(MailRejectedError);
    smtp.rejectedRecipients.clear();
  });

  it('retries the connection, then reports the server unavailable and fails fast for a moment', async () => {
    const unreachable = sender(await closedPort());
    const started = Date.now();
    await expect(unreachable.send(mail)).rejects.toBeInstanceOf(MailDeliveryUnavailableError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    const again = Date.now();
    await expect(unreachable.send(mail)).rejects.toMatchObject({
      details: expect.stringContaining('failed moments ago'),
    });
    expect(Date.now() - again).toBeLessThan(15);
  });
});
