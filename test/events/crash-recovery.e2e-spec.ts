import type { ChildProcess } from 'node:child_process';
import { TestDatabase, TestSmtpServer, TestVhost, expectEventually, writeRsaKeyPair } from '@app/testing';
import { TestService, startTestService } from '../support/service-apps';
import {
  EventSpec,
  NOTIFICATION_DLQ,
  NOTIFICATION_EXCHANGE,
  ics,
  seedDomain,
  seedUser,
} from './support/notification-fixtures';
import { spawnService } from './support/spawn-service';

// Longer than a restart, so that the new process meets the dead one's claims still held.
const LEASE_MS = 12_000;
const BURST = 12;

function invitation(index: number) {
  const uid = `crash-${index}`;
  const event: EventSpec = {
    uid,
    summary: `Meeting ${index}`,
    start: '20300512T093000',
    end: '20300512T100000',
    organizer: { email: 'alice@twake.test', cn: 'Alice Martin' },
    attendees: [{ email: `guest${index}@external.test` }],
  };
  return {
    senderEmail: 'alice@twake.test',
    recipientEmail: `guest${index}@external.test`,
    method: 'REQUEST',
    event: ics('REQUEST', event),
    calendarURI: 'a01',
    eventPath: `/calendars/a01/a01/${uid}.ics`,
    isNewEvent: true,
  };
}

/**
 * mail.md idempotence after a crash: the service is killed (SIGKILL) while it sends a burst, a fresh one starts. The
 * dead process's claims are leases that lapse (MAIL_DELIVERY_LEASE), so every mail goes out exactly once, within the
 * lease, and waiting for a lease never uses the retry budget (here 1 × 500 ms, far shorter than the lease) nor
 * dead-letters a message.
 */
describe('mail delivery after a crash mid-burst', () => {
  let vhost: TestVhost;
  let smtp: TestSmtpServer;
  let database: TestDatabase;
  let child: ChildProcess | undefined;
  let service: TestService | undefined;
  const keys = writeRsaKeyPair();

  beforeAll(async () => {
    vhost = await TestVhost.create();
    smtp = await TestSmtpServer.start();
    database = await TestDatabase.open();
    const domain = await seedDomain(database.db, 'twake.test');
    await seedUser(database.db, domain, {
      email: 'alice@twake.test',
      firstname: 'Alice',
      lastname: 'Martin',
    });
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await service?.close();
    await smtp.stop();
    await vhost.delete();
    await database.drop().catch(() => undefined);
    await database.close();
  });

  it('sends every mail once, within the lease, none dead-lettered', async () => {
    const env = {
      ...vhost.env(),
      ...smtp.env(),
      JWT_PRIVATE_KEY_PATH: keys.privateKeyPath,
      JWT_PUBLIC_KEY_PATHS: keys.publicKeyPath,
      MAIL_SENDER: 'calendar@twake.test',
      MAIL_RECIPIENT_WHITELIST: undefined,
      MAIL_RETRY_DELAY: '500ms',
      MAIL_RETRY_MAX_ATTEMPTS: '1',
      MAIL_DELIVERY_LEASE: `${LEASE_MS}ms`,
      WEBADMIN_ENABLED: 'false',
    };
    // The SMTP server receives the mails but does not acknowledge them yet: the first process is mid-send.
    smtp.hold();
    child = await spawnService(env);
    await vhost.publishMany(
      NOTIFICATION_EXCHANGE,
      Array.from({ length: BURST }, (_, index) => invitation(index)),
    );
    await expectEventually(() => expect(smtp.pendingCount).toBeGreaterThanOrEqual(3), { timeoutMs: 60_000 });
    const claims = database.db.collection('twake_calendar_mail_deliveries');
    expect(await claims.countDocuments({ state: 'sending' })).toBeGreaterThanOrEqual(3);

    const leases = await claims.find({ state: 'sending' }).toArray();
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    child = undefined;
    const killedAt = Date.now();
    // Its SMTP sessions are gone: what they carried was never acknowledged, so never delivered.
    await new Promise((resolve) => setTimeout(resolve, 300));
    smtp.release();
    expect(smtp.messages).toHaveLength(0);

    service = await startTestService(env);
    const serviceStartedAt = Date.now();
    const recipients = Array.from({ length: BURST }, (_, index) => `guest${index}@external.test`);
    await expectEventually(
      () => {
        for (const recipient of recipients) expect(smtp.to(recipient).length).toBeGreaterThanOrEqual(1);
      },
      { timeoutMs: LEASE_MS + 20_000, intervalMs: 100 },
    );
    const elapsed = Date.now() - killedAt;
    // The new process met claims still held (restart < lease): it waited for them to lapse, then sent. Under the
    // retry budget of 1 × 500 ms, those waits would have dead-lettered the mails had they used the budget.
    const lapsed = Math.max(...leases.map((lease) => (lease.claimedAt as Date).getTime())) + LEASE_MS;
    // Within the lease (plus the restart and a retry delay), not the old 5 minutes.
    expect(elapsed).toBeLessThan(LEASE_MS + 15_000);
    // Give duplicates a chance to show, then count: exactly one each, nothing dead-lettered.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const recipient of recipients) expect(smtp.to(recipient)).toHaveLength(1);
    expect(smtp.messages).toHaveLength(BURST);
    expect(await vhost.messageCount(NOTIFICATION_DLQ)).toBe(0);
    expect(serviceStartedAt).toBeLessThan(lapsed);
  }, 240_000);
});
