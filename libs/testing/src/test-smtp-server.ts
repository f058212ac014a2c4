import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerAddress } from 'smtp-server';

export interface CapturedMail {
  /** MAIL FROM and RCPT TO of the SMTP session. */
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

/**
 * A real SMTP server in the test process (the `smtp-server` package) that keeps every accepted message, parsed by
 * mailparser. It can be stopped and started again on the same port, and made to refuse recipients.
 */
export class TestSmtpServer {
  readonly messages: CapturedMail[] = [];
  /** Recipients answered with a permanent 550 at RCPT TO. */
  readonly rejectedRecipients = new Set<string>();
  /**
   * While set, a message's DATA is received but not answered (nor kept): the client waits for the 250. Messages
   * whose client goes away meanwhile are dropped, as a real server drops a transaction it never acknowledged.
   */
  private held: (() => void)[] | undefined;
  /** Messages received and waiting for `release()`. */
  pendingCount = 0;
  private readonly closedSessions = new Set<string>();
  private server?: SMTPServer;
  private portNumber = 0;

  static async start(port = 0): Promise<TestSmtpServer> {
    const server = new TestSmtpServer();
    await server.listen(port);
    return server;
  }

  get port(): number {
    return this.portNumber;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  /** The variables pointing the service at this server. */
  env(): Record<string, string> {
    return { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(this.portNumber) };
  }

  /** Mails delivered to that address (RCPT TO). */
  to(address: string): CapturedMail[] {
    return this.messages.filter((mail) => mail.envelope.to.includes(address.toLowerCase()));
  }

  hold(): void {
    this.held ??= [];
  }

  /** Answers the waiting messages (those whose client is still there are kept) and stops holding. */
  release(): void {
    const waiting = this.held ?? [];
    this.held = undefined;
    for (const resume of waiting) resume();
  }

  clear(): void {
    this.messages.length = 0;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Listens again on the same port. */
  async restart(): Promise<void> {
    await this.listen(this.portNumber);
  }

  private async listen(port: number): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      closeTimeout: 100,
      onClose: (session) => {
        this.closedSessions.add(session.id);
      },
      size: 50 * 1024 * 1024,
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        if (this.rejectedRecipients.has(address.address.toLowerCase())) {
          const error = new Error('mailbox unavailable') as Error & { responseCode: number };
          error.responseCode = 550;
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.held) {
            this.pendingCount += 1;
            this.held.push(() => {
              this.pendingCount -= 1;
              if (!this.closedSessions.has(session.id)) accept();
            });
            return;
          }
          accept();
        });
        const accept = () => {
          const raw = Buffer.concat(chunks);
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address.toLowerCase() : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
          };
          simpleParser(raw)
            .then((parsed) => {
              this.messages.push({ envelope, raw, parsed });
              callback();
            })
            .catch((error: Error) => callback(error));
        };
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
    this.portNumber = (server.server.address() as AddressInfo).port;
    this.server = server;
  }
}
