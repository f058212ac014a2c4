import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { expectEventually } from '@app/testing';
import { MailPipeline, mailsTo, startMailPipeline } from './support/mail-pipeline';
import {
  EventSpec,
  NOTIFICATION_DLQ,
  NOTIFICATION_EXCHANGE,
  NOTIFICATION_QUEUE,
  ics,
} from './support/notification-fixtures';

const RETRY_QUEUE = 'tcalendar:event:notificationEmail:send:retry';

function invitation(recipientEmail: string, uid: string) {
  const event: EventSpec = {
    uid,
    summary: `Meeting ${uid}`,
    start: '20300512T093000',
    end: '20300512T100000',
    organizer: { email: 'alice@twake.test', cn: 'Alice Martin' },
    attendees: [{ email: recipientEmail }],
  };
  return {
    senderEmail: 'alice@twake.test',
    recipientEmail,
    method: 'REQUEST',
    event: ics('REQUEST', event),
    calendarURI: 'a01',
    eventPath: `/calendars/a01/a01/${uid}.ics`,
    isNewEvent: true,
  };
}

describe('delivery robustness (RabbitMQ → SMTP)', () => {
  let pipeline: MailPipeline;

  beforeAll(async () => {
    pipeline = await startMailPipeline();
  });
  afterAll(async () => {
    await pipeline?.close();
  });

  const publish = (body: object | string) => pipeline.vhost.publish(NOTIFICATION_EXCHANGE, body);
  const settled = () =>
    expectEventually(async () => {
      expect(await pipeline.vhost.messageCount(NOTIFICATION_QUEUE)).toBe(0);
      expect(await pipeline.vhost.messageCount(RETRY_QUEUE)).toBe(0);
    });

  it('dead-letters poison messages while the next ones are processed', async () => {
    await publish('{ this is not JSON');
    await publish({
      senderEmail: 'alice@twake.test',
      recipientEmail: 'bob@twake.test',
      event: 'BEGIN:VCALENDAR',
    });
    await publish({ ...invitation('bob@twake.test', 'bad-method'), method: 'PUBLISH' });
    await publish({
      ...invitation('bob@twake.test', 'no-dtstart'),
      event: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
    });
    await publish(invitation('carol@twake.test', 'after-poison'));

    await mailsTo(pipeline.smtp, 'carol@twake.test');
    const dead = await expectEventually(async () => {
      expect(await pipeline.vhost.messageCount(NOTIFICATION_DLQ)).toBe(4);
      return pipeline.vhost.drain(NOTIFICATION_DLQ);
    });
    expect(dead[0]!.content.toString()).toBe('{ this is not JSON');
    expect(dead.map((message) => message.properties.headers?.['x-first-death-reason'])).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
    expect(pipeline.smtp.to('bob@twake.test')).toHaveLength(0);
    pipeline.smtp.clear();
  });

  it('sends one mail for a message delivered twice', async () => {
    const message = invitation('dmitri@twake.test', 'twice');
    await publish(message);
    await publish(message);
    await mailsTo(pipeline.smtp, 'dmitri@twake.test');
    await settled();
    expect(pipeline.smtp.to('dmitri@twake.test')).toHaveLength(1);
    // Delivered again later, still once.
    await publish(message);
    await settled();
    expect(pipeline.smtp.to('dmitri@twake.test')).toHaveLength(1);
    pipeline.smtp.clear();
  });

  it('keeps the mails in RabbitMQ while SMTP is down and sends each once it is back', async () => {
    await pipeline.smtp.stop();
    const recipients = Array.from({ length: 20 }, (_, index) => `guest${index}@external.test`);
    for (const [index, recipient] of recipients.entries())
      await publish(invitation(recipient, `outage-${index}`));

    // The messages go round the retry queue; nothing is lost nor dead-lettered.
    await expectEventually(async () =>
      expect(await pipeline.vhost.messageCount(RETRY_QUEUE)).toBeGreaterThan(0),
    );
    expect(await pipeline.vhost.messageCount(NOTIFICATION_DLQ)).toBe(0);

    await pipeline.smtp.restart();
    await expectEventually(() => expect(pipeline.smtp.messages).toHaveLength(20), { timeoutMs: 20_000 });
    await settled();
    for (const recipient of recipients) expect(pipeline.smtp.to(recipient)).toHaveLength(1);
    expect(await pipeline.vhost.messageCount(NOTIFICATION_DLQ)).toBe(0);
    pipeline.smtp.clear();
  });

  it('loses no mail and sends none twice when the broker drops the connection in the middle of a burst', async () => {
    const recipients = Array.from({ length: 60 }, (_, index) => `burst${index}@external.test`);
    await pipeline.vhost.publishMany(
      NOTIFICATION_EXCHANGE,
      recipients.map((recipient, index) => invitation(recipient, `burst-${index}`)),
    );
    await expectEventually(() => expect(pipeline.smtp.messages.length).toBeGreaterThan(5), {
      intervalMs: 10,
    });
    // The management API lists a connection a moment after it opens.
    await expectEventually(async () => expect(await pipeline.vhost.dropConnections()).toBeGreaterThan(0));
    await expectEventually(() => expect(pipeline.smtp.messages).toHaveLength(60), { timeoutMs: 30_000 });
    await settled();
    for (const recipient of recipients) expect(pipeline.smtp.to(recipient)).toHaveLength(1);
    expect(await pipeline.vhost.messageCount(NOTIFICATION_DLQ)).toBe(0);
    pipeline.smtp.clear();
  });

  it('restarts a consumer that went missing', async () => {
    const amqp = pipeline.service.api.get(AmqpConnection);
    for (const tag of amqp.consumerTags) await amqp.cancelConsumer(tag).catch(() => undefined);
    const check = () => pipeline.service.admin().get('/healthcheck/checks/CalendarQueueConsumers');
    await expectEventually(async () => expect((await check()).body.status).toBe('healthy'), {
      timeoutMs: 15_000,
    });
    await publish(invitation('carol@twake.test', 'after-restart'));
    await mailsTo(pipeline.smtp, 'carol@twake.test');
    pipeline.smtp.clear();
  });

  it('dead-letters a mail the server refuses for good', async () => {
    pipeline.smtp.rejectedRecipients.add('nobody@external.test');
    await publish(invitation('nobody@external.test', 'refused'));
    await expectEventually(async () => expect(await pipeline.vhost.messageCount(NOTIFICATION_DLQ)).toBe(1));
    const check = () => pipeline.service.admin().get('/healthcheck');
    expect((await check()).body.checks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          componentName: 'RabbitMQDeadLetterQueueEmptiness',
          status: 'degraded',
          cause: `dead letter queues are not empty: ${NOTIFICATION_DLQ}`,
        }),
      ]),
    );
    await pipeline.vhost.drain(NOTIFICATION_DLQ);
    const health = await check();
    expect(health.body.checks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ componentName: 'RabbitMQDeadLetterQueueEmptiness', status: 'healthy' }),
      ]),
    );
  });
});
