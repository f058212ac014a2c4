import { ObjectId } from 'mongodb';
import { TestSmtpServer, TestVhost, expectEventually, writeRsaKeyPair } from '@app/testing';
import type { CapturedMail } from '@app/testing';
import {
  DavTestEnvironment,
  seedUser,
  startDavTestEnvironment,
} from '../doubles/esn-sabre/dav-test-environment';

const DOMAIN = 'example.org';
const ALICE = 'alice@example.org';
const BOB = 'bob@example.org';
const CAROL = 'carol@example.org';
const SENDER = 'calendar@example.org';
const CREATED_EXCHANGE = 'calendar:calendar:created';
const DLQ = 'tcalendar:calendar:delegated:created:dead-letter';
const VISIBILITY_DLQ = 'tcalendar:calendar:created:dead-letter';

describe('calendar creation effects: default visibility, delegation and resource-administrator mails (events.md §3.5)', () => {
  let vhost: TestVhost;
  let smtp: TestSmtpServer;
  let env: DavTestEnvironment;
  const keys = writeRsaKeyPair();
  const ids: Record<string, string> = {};

  /** A JSON request to the DAV server as `email`, as the SPA would send through the proxy. */
  const davAs = (email: string, method: string, path: string, body: unknown) =>
    fetch(`${env.dav.url}${path}`, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${process.env.DAV_ADMIN_USER}&${email}:${process.env.DAV_ADMIN_PASSWORD}`).toString('base64')}`,
        accept: 'application/json',
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
  const mailsTo = (email: string, count: number) =>
    expectEventually(
      () => {
        expect(smtp.to(email)).toHaveLength(count);
        return smtp.to(email);
      },
      { timeoutMs: 20_000 },
    );
  const logoPart = (mail: CapturedMail) => mail.parsed.attachments.find((part) => part.cid === 'logo');

  beforeAll(async () => {
    vhost = await TestVhost.create();
    smtp = await TestSmtpServer.start();
    env = await startDavTestEnvironment({
      ...vhost.env(),
      ...smtp.env(),
      DOMAINS: `${DOMAIN},private.test`,
      JWT_PRIVATE_KEY_PATH: keys.privateKeyPath,
      JWT_PUBLIC_KEY_PATHS: keys.publicKeyPath,
      MAIL_SENDER: SENDER,
      MAIL_RECIPIENT_WHITELIST: undefined,
      SPA_CALENDAR_URL: 'https://calendar.example.org/',
    });
    env.dav.setPublisher((exchange, body) => vhost.publish(exchange, body));
    for (const email of [ALICE, BOB, CAROL]) ids[email] = await seedUser(env.service, email, DOMAIN);
    ids.zoe = await seedUser(env.service, 'zoe@private.test', 'private.test');
    const bob = await env.service.database.db.collection('users').findOne({ _id: new ObjectId(ids[BOB]) });
    await env.service.database.db.collection('configurations').insertOne({
      domain_id: bob!.domains[0].domain_id,
      user_id: bob!._id,
      modules: [{ name: 'core', configurations: [{ name: 'language', value: 'fr' }] }],
    });
  });

  afterAll(async () => {
    await env?.close();
    await smtp?.stop();
    await vhost?.delete();
  });

  it('tells a user that a calendar was delegated to them, in their language, with the logo', async () => {
    const calendar = `/calendars/${ids[ALICE]}/${ids[ALICE]}.json`;
    expect((await davAs(ALICE, 'PROPPATCH', calendar, { 'dav:name': 'Projets & co' })).status).toBe(204);
    const shared = await davAs(ALICE, 'POST', calendar, {
      share: { set: [{ 'dav:href': `mailto:${BOB}`, 'dav:read-write': true }], remove: [] },
    });
    expect(shared.status).toBe(200);

    const [mail] = await mailsTo(BOB, 1);
    expect(mail!.envelope).toEqual({ from: SENDER, to: [BOB] });
    expect(mail!.parsed.subject).toBe("alice Test vous a donné accès à l'agenda « Projets & co »");
    expect(mail!.parsed.to).toMatchObject({ value: [{ address: BOB, name: 'bob Test' }] });
    expect(mail!.parsed.messageId).toMatch(/^<[0-9a-f-]{36}@example\.org>$/);
    const raw = mail!.raw.toString('utf8');
    expect(raw).toMatch(/Content-Type: multipart\/related/);
    expect(raw).toMatch(/Content-Type: text\/html[^]*?Content-Language: fr/);
    const logo = logoPart(mail!);
    expect(logo).toMatchObject({
      contentType: 'image/png',
      filename: 'logo.png',
      contentDisposition: 'inline',
    });
    expect(logo!.content.subarray(1, 4).toString()).toBe('PNG');
    const html = String(mail!.parsed.html);
    // mailparser resolves the cid:logo reference into the inline part's data
    expect(html).toContain('<img src="data:image/png;base64,');
    expect(html).toContain('Projets &amp; co');
    expect(html).toContain('href="https://calendar.example.org"');
    expect(String(mail!.parsed.text)).toContain('alice Test vous a donné accès à l\'agenda "Projets & co"');
  });

  it('tells a new resource administrator which resource they manage', async () => {
    await env.service
      .admin()
      .post(`/domains/${DOMAIN}/resources`)
      .send({
        name: 'Salle Neptune',
        icon: 'meeting-room',
        creator: ALICE,
        administrators: [{ email: CAROL }],
      })
      .expect(201);
    const [mail] = await mailsTo(CAROL, 1);
    expect(mail!.parsed.subject).toBe('You now manage the resource "Salle Neptune"');
    expect(String(mail!.parsed.text)).toContain('You now manage the resource "Salle Neptune".');
    expect(logoPart(mail!)).toBeDefined();
    expect(mail!.raw.toString('utf8')).toMatch(/Content-Language: en/);
  });

  it('sends nothing for non-delegated calendars, and once for a redelivered message', async () => {
    const published = env.dav.sharing.published.find(
      (message) =>
        message.exchange === CREATED_EXCHANGE && message.body.calendarPath!.toString().includes(ids[BOB]!),
    )!;
    await vhost.publish(CREATED_EXCHANGE, published.body);
    await vhost.publish(CREATED_EXCHANGE, published.body);
    // the owner creating a calendar, an access that is not a string
    await vhost.publish(CREATED_EXCHANGE, {
      calendarPath: `/calendars/${ids[BOB]}/personal`,
      calendarProps: { '{DAV:}displayname': 'Personal' },
    });
    await vhost.publish(CREATED_EXCHANGE, {
      calendarPath: `/calendars/${ids[BOB]}/${ids[BOB]}`,
      calendarProps: { access: 3 },
    });
    // a share whose instance is not delegated
    await vhost.publish(CREATED_EXCHANGE, {
      calendarPath: `/calendars/${ids[BOB]}/${ids[BOB]}`,
      calendarProps: { access: 'dav:read' },
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.to(BOB)).toHaveLength(1);
  });

  it('dead-letters messages that cannot be read', async () => {
    await vhost.publish(CREATED_EXCHANGE, { calendarProps: { access: 'dav:read' } });
    await vhost.publish(CREATED_EXCHANGE, {
      calendarPath: '/nowhere',
      calendarProps: { access: 'dav:read' },
    });
    await expectEventually(async () => expect(await vhost.messageCount(DLQ)).toBe(2));
    await expectEventually(async () => expect(await vhost.messageCount(VISIBILITY_DLQ)).toBe(2));
  });

  it("makes a user's new default calendar public when the domain says so, as the user", async () => {
    const publicRight = async (id: string) => {
      const [entry] =
        (await env.dav.store.propfind(`/calendars/${id}/${id}/`, '0', '<E:public-right/>')) ?? [];
      return entry?.props.get('public-right') ?? '';
    };
    const acls = () => env.dav.seen.filter((seen) => seen.method === 'ACL');
    await env.service
      .admin()
      .patch(`/domains/${DOMAIN}/settings`)
      .send({ defaultCalendarPublicVisibility: 'read' })
      .expect(204);
    await vhost.publish(CREATED_EXCHANGE, {
      calendarPath: `/calendars/${ids[CAROL]}/${ids[CAROL]}`,
      calendarProps: { '{DAV:}displayname': '#default' },
    });
    await expectEventually(async () => expect(await publicRight(ids[CAROL]!)).toBe('{DAV:}read'));
    const [acl] = acls();
    expect(acl).toMatchObject({ url: `/calendars/${ids[CAROL]}/${ids[CAROL]}.json` });
    expect(acl!.principal).toMatchObject({ kind: 'user', email: CAROL });
    expect(acl!.headers['content-type']).toBe('application/json');

    // another calendar of the user, a user of a private domain: nothing
    await vhost.publish(CREATED_EXCHANGE, {
      calendarPath: `/calendars/${ids[CAROL]}/holidays`,
      calendarProps: { '{DAV:}displayname': 'Holidays' },
    });
    await vhost.publish(CREATED_EXCHANGE, {
      calendarPath: `/calendars/${ids.zoe}/${ids.zoe}`,
      calendarProps: { '{DAV:}displayname': '#default' },
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(acls()).toHaveLength(1);
    expect(await publicRight(ids.zoe!)).toBe('');
  });
});
