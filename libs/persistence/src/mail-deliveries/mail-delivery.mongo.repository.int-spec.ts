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
    const indexes = await database.db.collection('twake_calendar_mail_deliveries').indexes();
    expect(indexes.map((index) => index.name)).toContain('ttl_expiresAt');
  });

  it('lets one claimant send, then remembers the mail as sent', async () => {
    expect(await deliveries.claim('k1', at(0), 60_000)).toBe('claimed');
    expect(await deliveries.claim('k1', at(1), 60_000)).toBe('in-progress');
    await deliveries.markSent('k1', at(2), at(3600));
    expect(await deliveries.claim('k1', at(3), 60_000)).toBe('already-sent');
    expect(
      await database.db.collection('twake_calendar_mail_deliveries').findOne({ _id: 'k1' as never }),
    ).toEqual({
      _id: 'k1',
      state: 'sent',
      claimedAt: at(0),
      sentAt: at(2),
      expiresAt: at(3600),
    });
  });

  it('records several mails as sent in one write', async () => {
    expect(await deliveries.claim('m1', at(0), 60_000)).toBe('claimed');
    expect(await deliveries.claim('m2', at(0), 60_000)).toBe('claimed');
    await deliveries.markManySent(['m1', 'm2'], at(1), at(3600));
    expect(await deliveries.claim('m1', at(2), 60_000)).toBe('already-sent');
    expect(await deliveries.claim('m2', at(2), 60_000)).toBe('already-sent');
  });

  it('claims several keys in one write, telling which were taken already', async () => {
    await deliveries.markSent('b-sent', at(0), at(3600));
    expect(await deliveries.claim('b-busy', at(0), 60_000)).toBe('claimed');
    const claims = await deliveries.claimMany(
      ['b-new1', 'b-sent', 'b-busy', 'b-new2', 'b-new1'],
      at(1),
      60_000,
    );
    expect(Object.fromEntries(claims)).toEqual({
      'b-new1': 'claimed',
      'b-sent': 'already-sent',
      'b-busy': 'in-progress',
      'b-new2': 'claimed',
    });
  });

  it('gives a released claim to the next claimant', async () => {
    expect(await deliveries.claim('k2', at(0), 60_000)).toBe('claimed');
    await deliveries.release('k2');
    expect(await deliveries.claim('k2', at(1), 60_000)).toBe('claimed');
  });

  it('takes over an expired lease or record not swept yet', async () => {
    expect(await deliveries.claim('k3', at(0), 1_000)).toBe('claimed');
    expect(await deliveries.claim('k3', at(5), 1_000)).toBe('claimed');
    await deliveries.markSent('k3', at(6), at(10));
    expect(await deliveries.claim('k3', at(11), 1_000)).toBe('claimed');
  });

  it('sweeps expired records only', async () => {
    await deliveries.markSent('k4', at(0), at(100));
    await deliveries.markSent('k5', at(0), at(10_000));
    expect(await deliveries.deleteExpired(at(200))).toBeGreaterThanOrEqual(1);
    const left = await database.db
      .collection('twake_calendar_mail_deliveries')
      .find({ _id: { $in: ['k4', 'k5'] as never[] } })
      .toArray();
    expect(left.map((document) => document._id)).toEqual(['k5']);
  });
});
