import { TestSmtpServer, TestVhost, expectEventually, ics, writeRsaKeyPair } from '@app/testing';
import {
  DavTestEnvironment,
  seedUser,
  startDavTestEnvironment,
} from '../doubles/esn-sabre/dav-test-environment';

const DOMAIN = 'example.org';
const [ANA, BOB, CAROL, DAN] = ['ana', 'bob', 'carol', 'dan'].map((name) => `${name}@${DOMAIN}`) as [
  string,
  string,
  string,
  string,
];

describe('resource mails and the recipient whitelist (mail.md §6)', () => {
  let vhost: TestVhost;
  let smtp: TestSmtpServer;
  let env: DavTestEnvironment;
  let resourceId: string;
  const keys = writeRsaKeyPair();
  const message = (event: string, organizer: string) => ({
    resourceId,
    eventId: `${event}.ics`,
    eventPath: `/calendars/${resourceId}/${resourceId}/${event}.ics`,
    ics: ics(undefined, {
      uid: event,
      summary: event,
      start: '20300601T100000',
      end: '20300601T110000',
      organizer,
      attendees: [{ email: `${resourceId}@${DOMAIN}`, cutype: 'RESOURCE', cn: 'Lab' }],
    }),
  });

  beforeAll(async () => {
    vhost = await TestVhost.create();
    smtp = await TestSmtpServer.start();
    env = await startDavTestEnvironment({
      ...vhost.env(),
      ...smtp.env(),
      DOMAINS: DOMAIN,
      JWT_PRIVATE_KEY_PATH: keys.privateKeyPath,
      JWT_PUBLIC_KEY_PATHS: keys.publicKeyPath,
      MAIL_SENDER: `calendar@${DOMAIN}`,
      MAIL_RECIPIENT_WHITELIST: `${BOB},${DAN.toUpperCase()}`,
    });
    for (const email of [ANA, BOB, CAROL, DAN]) await seedUser(env.service, email, DOMAIN);
    const created = await env.service
      .admin()
      .post(`/domains/${DOMAIN}/resources`)
      .send({ name: 'Lab', icon: 'laptop', creator: ANA, administrators: [{ email: BOB }, { email: CAROL }] })
      .expect(201);
    resourceId = created.headers.location!.split('/').pop()!;
  });

  afterAll(async () => {
    await env?.close();
    await smtp?.stop();
    await vhost?.delete();
  });

  it('asks only the whitelisted administrators', async () => {
    await vhost.publish('resource:calendar:event:created', message(`request-${env.run}`, ANA));
    await expectEventually(() => expect(smtp.to(BOB)).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.to(CAROL)).toEqual([]);
  });

  it('tells the organizer only when whitelisted', async () => {
    await vhost.publish('resource:calendar:event:accepted', message(`from-ana-${env.run}`, ANA));
    await vhost.publish('resource:calendar:event:declined', message(`from-dan-${env.run}`, DAN));
    const [mail] = await expectEventually(() => {
      expect(smtp.to(DAN)).toHaveLength(1);
      return smtp.to(DAN);
    });
    expect(mail!.parsed.subject).toBe(`Lab refused your booking: from-dan-${env.run}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.to(ANA)).toEqual([]);
  });
});
