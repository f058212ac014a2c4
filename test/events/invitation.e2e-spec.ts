import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { jwtVerify } from 'jose';
import { ObjectId } from 'mongodb';
import { TestSmtpServer, TestVhost, expectEventually, writeRsaKeyPair } from '@app/testing';
import { TestService, startTestService } from '../support/service-apps';
import { answerLinks, calendarPart, header, icsAttachment } from './support/mail-assertions';
import {
  NOTIFICATION_DLQ,
  NOTIFICATION_EXCHANGE,
  NOTIFICATION_QUEUE,
  ics,
  seedDomain,
  seedUser,
} from './support/notification-fixtures';

describe('invitation mails (RabbitMQ → SMTP)', () => {
  let vhost: TestVhost;
  let smtp: TestSmtpServer;
  let service: TestService;
  const keys = writeRsaKeyPair();

  beforeAll(async () => {
    vhost = await TestVhost.create();
    smtp = await TestSmtpServer.start();
    service = await startTestService({
      ...vhost.env(),
      ...smtp.env(),
      JWT_PRIVATE_KEY_PATH: keys.privateKeyPath,
      JWT_PUBLIC_KEY_PATHS: keys.publicKeyPath,
      MAIL_SENDER: 'calendar@twake.test',
    });
    const domain = await seedDomain(service.database.db, 'twake.test');
    await seedUser(service.database.db, domain, {
      email: 'alice@twake.test',
      firstname: 'Alice',
      lastname: 'Martin',
      language: 'vi',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    await seedUser(service.database.db, domain, {
      email: 'bob@twake.test',
      firstname: 'Bob',
      lastname: 'Durand',
      language: 'fr',
      timeZone: 'America/New_York',
    });
  });

  afterAll(async () => {
    await service?.close();
    await smtp?.stop();
    await vhost?.delete();
  });

  const invitation = (recipientEmail: string, uid: string) => ({
    senderEmail: 'alice@twake.test',
    recipientEmail,
    method: 'REQUEST',
    event: ics('REQUEST', {
      uid,
      summary: 'Weekly sync',
      start: '20300512T093000',
      end: '20300512T100000',
      organizer: { email: 'alice@twake.test', cn: 'Alice Martin' },
      attendees: [
        { email: 'alice@twake.test', cn: 'Alice Martin', partstat: 'ACCEPTED' },
        { email: 'bob@twake.test', cn: 'Bob Durand' },
        { email: 'guest@external.test' },
        { email: new ObjectId().toHexString() + '@twake.test', cn: 'Room 4', cutype: 'RESOURCE' },
      ],
      location: 'Room 4, 2nd floor',
      description: 'Agenda:\nnews\nplans',
    }),
    calendarURI: 'a01',
    eventPath: `/calendars/b03/b03/${uid}.ics`,
    isNewEvent: true,
  });

  it('declares the topology: fanout exchanges, queue with its dead-letter exchange and queue', async () => {
    expect(await vhost.queueArguments(NOTIFICATION_QUEUE)).toEqual({
      'x-queue-version': 2,
      'x-dead-letter-exchange': NOTIFICATION_DLQ,
    });
    expect(await vhost.queueArguments(NOTIFICATION_DLQ)).toEqual({ 'x-queue-version': 2 });
    expect(await vhost.messageCount(NOTIFICATION_DLQ)).toBe(0);
    const health = await service.admin().get('/healthcheck').query({ check: 'CalendarQueueConsumers' });
    expect(health.body.checks[0]).toMatchObject({
      componentName: 'CalendarQueueConsumers',
      status: 'healthy',
    });
  });

  it('invites an internal attendee in its own language and time zone, with the ICS REQUEST', async () => {
    await vhost.publish(NOTIFICATION_EXCHANGE, invitation('bob@twake.test', 'weekly-sync'));
    const [mail] = await expectEventually(() => {
      const mails = smtp.to('bob@twake.test');
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(mail!.envelope).toEqual({ from: 'alice@twake.test', to: ['bob@twake.test'] });
    expect(mail!.parsed.from?.value).toEqual([{ address: 'alice@twake.test', name: 'Alice Martin' }]);
    expect(mail!.parsed.to).toMatchObject({ value: [{ address: 'bob@twake.test', name: 'Bob Durand' }] });
    expect(mail!.parsed.subject).toBe('Invitation de Alice Martin : Weekly sync');
    expect(header(mail!, 'content-language')).toBe('fr');
    expect(mail!.parsed.messageId).toMatch(/^<[0-9a-f-]{36}@twake\.test>$/);
    // 09:30 in Paris is 03:30 in New York; French day and month names.
    expect(mail!.parsed.html).toContain('dimanche, 12 mai 2030 03:30 - 04:00 America/New_York');
    expect(mail!.parsed.text).toContain('dimanche, 12 mai 2030 03:30 - 04:00 America/New_York');
    expect(mail!.parsed.html).toContain(
      'http://127.0.0.1:19900/calendar/calendar/#/calendar?start=05-12-2030',
    );
    expect(mail!.parsed.html).toContain(
      'https://www.openstreetmap.org/search?query=Room%204%2C%202nd%20floor',
    );
    expect(mail!.parsed.html).toContain('Alice Martin &lt;alice@twake.test&gt;');
    expect(mail!.parsed.html).toContain('Room 4');
    expect(mail!.parsed.html).not.toContain('PARTSTAT');

    const part = calendarPart(mail!);
    expect(part.contentType).toContain('REQUEST');
    expect(part.calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(part.calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid')).toBe('weekly-sync');
    expect(icsAttachment(mail!)).toBe(part.text);

    const links = answerLinks(mail!);
    expect(links.map((link) => link.claims.action)).toEqual(['ACCEPTED', 'TENTATIVE', 'REJECTED']);
    expect(links[0]!.url.startsWith('http://127.0.0.1:19900/excal/excal/?jwt=')).toBe(true);
    const { payload } = await jwtVerify(
      new URL(links[0]!.url).searchParams.get('jwt')!,
      createPublicKey(readFileSync(keys.publicKeyPath, 'utf8')),
    );
    expect(payload).toMatchObject({
      attendeeEmail: 'bob@twake.test',
      organizerEmail: 'alice@twake.test',
      uid: 'weekly-sync',
      calendarURI: 'b03',
      action: 'ACCEPTED',
    });
    expect(payload.exp).toBeUndefined();
  });

  it("invites an external attendee in the organizer's language and zone, without the calendar link", async () => {
    await vhost.publish(NOTIFICATION_EXCHANGE, invitation('guest@external.test', 'ext-sync'));
    const [mail] = await expectEventually(() => {
      const mails = smtp.to('guest@external.test');
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(mail!.parsed.to).toMatchObject({ value: [{ address: 'guest@external.test', name: '' }] });
    expect(header(mail!, 'content-language')).toBe('vi');
    // 09:30 in Paris is 14:30 in Ho Chi Minh City.
    expect(mail!.parsed.html).toContain('Chủ Nhật, 12 tháng 5 2030 14:30 - 15:00 Asia/Ho_Chi_Minh');
    expect(mail!.parsed.html).not.toContain('/calendar/#/calendar');
    expect(answerLinks(mail!).map((link) => link.claims.attendeeEmail)).toEqual([
      'guest@external.test',
      'guest@external.test',
      'guest@external.test',
    ]);
  });
});
