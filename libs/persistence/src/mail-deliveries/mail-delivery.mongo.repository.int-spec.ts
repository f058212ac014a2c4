import { Test } from '@nestjs/testing';
import { INestApplicationContext } from '@nestjs/common';
import { AppConfigModule } from '@app/config';
import { TestDatabase } from '@app/testing';
import { PersistenceModule } from '../persistence.module';
import { MailDeliveryRepository } from './mail-delivery.repository';

describe('MailDeliveryMongoRepository (real MongoDB wire protocol)', () => {
  let context: INestApplicationContext;
  let database: TestDatabase;
  let deliveries: MailDeliveryRepository;
  const at = (seconds: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, seconds));
  const DAY = at(86_400);
  const collection = () => database.db.collection('twake_calendar_mail_deliveries');

  beforeAll(async () => {
    context = await (
      await Test.createTestingModule({ imports: [AppConfigModule.forRoot(), PersistenceModule] }).compile()
    ).init();
    database = await TestDatabase.open();
    deliveries = context.get(MailDeliveryRepository);
  });
  afterAll(async () => {
    await context.close();
    await database.drop();
    await database.close();
  });

  it('creates the expiry index (TTL on MongoDB, plain on FerretDB 1.x)', async () => {
    const indexes = await collection().indexes();
    expect(indexes.map((index) => index.name)).toContain('ttl_expiresAt');
  });

  it('lets one claimant send, then remembers the mail as sent', async () => {
    expect(await deliveries.claim('k1', at(0), 60_000, DAY)).toBe('claimed');
    expect(await deliveries.claim('k1', at(1), 60_000, DAY)).toBe('in-progress');
    await deliveries.markSent(['k1'], at(2), DAY);
    expect(await deliveries.claim('k1', at(3), 60_000, DAY)).toBe('already-sent');
    expect(await deliveries.claim('k1', at(3600), 60_000, DAY)).toBe('already-sent');
    const records = await collection()
      .find({ _id: { $in: ['k1', 'k1|sent'] as never[] } })
      .sort({ _id: 1 })
      .toArray();
    expect(records).toEqual([
      { _id: 'k1', state: 'sending', claimedAt: at(0), expiresAt: DAY },
      { _id: 'k1|sent', state: 'sent', sentAt: at(2), expiresAt: DAY },
    ]);
  });

  it('keeps a renewed lease, takes over a lapsed one', async () => {
    expect(await deliveries.claim('lease', at(0), 30_000, DAY)).toBe('claimed');
    await deliveries.renew('lease', at(25));
    // Past the first lease, but within the renewed one: still in progress.
    expect(await deliveries.claim('lease', at(40), 30_000, DAY)).toBe('in-progress');
    // No renewal since second 25 (the claimant died): taken over once second 55 is past.
    expect(await deliveries.claim('lease', at(56), 30_000, DAY)).toBe('claimed');
    // A sent mail is never renewed into a claim.
    await deliveries.markSent(['lease'], at(57), DAY);
    await deliveries.renew('lease|sent', at(58));
    expect(await deliveries.claim('lease', at(200), 30_000, DAY)).toBe('already-sent');
  });

  it('claims several keys in one write, telling which were taken already', async () => {
    expect(await deliveries.claim('b-sent', at(0), 60_000, DAY)).toBe('claimed');
    await deliveries.markSent(['b-sent'], at(0), DAY);
    expect(await deliveries.claim('b-busy', at(0), 60_000, DAY)).toBe('claimed');
    const claims = await deliveries.claimMany(
      ['b-new1', 'b-sent', 'b-busy', 'b-new2', 'b-new1'],
      at(1),
      60_000,
      DAY,
    );
    expect(Object.fromEntries(claims)).toEqual({
      'b-new1': 'claimed',
      'b-sent': 'already-sent',
      'b-busy': 'in-progress',
      'b-new2': 'claimed',
    });
    await deliveries.markSent(['b-new1', 'b-new2'], at(2), DAY);
    await deliveries.markSent(['b-new1'], at(3), DAY);
    expect(await deliveries.claim('b-new2', at(4), 60_000, DAY)).toBe('already-sent');
  });

  it('gives a released claim to the next claimant', async () => {
    expect(await deliveries.claim('k2', at(0), 60_000, DAY)).toBe('claimed');
    await deliveries.release('k2');
    expect(await deliveries.claim('k2', at(1), 60_000, DAY)).toBe('claimed');
  });

  it('takes over a claim whose lease is over when the mail was not recorded as sent', async () => {
    expect(await deliveries.claim('k3', at(0), 1_000, DAY)).toBe('claimed');
    expect(await deliveries.claim('k3', at(5), 1_000, DAY)).toBe('claimed');
    expect(await deliveries.claim('k3', at(5), 1_000, DAY)).toBe('in-progress');
  });

  it('sweeps expired records only', async () => {
    expect(await deliveries.claim('k4', at(0), 60_000, at(100))).toBe('claimed');
    await deliveries.markSent(['k4'], at(0), at(100));
    expect(await deliveries.claim('k5', at(0), 60_000, at(10_000))).toBe('claimed');
    expect(await deliveries.deleteExpired(at(200))).toBeGreaterThanOrEqual(2);
    const left = await collection()
      .find({ _id: { $in: ['k4', 'k4|sent', 'k5'] as never[] } })
      .toArray();
    expect(left.map((document) => document._id)).toEqual(['k5']);
  });
});
