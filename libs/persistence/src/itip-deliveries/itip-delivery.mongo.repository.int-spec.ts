import { Test } from '@nestjs/testing';
import { INestApplicationContext } from '@nestjs/common';
import { AppConfigModule } from '@app/config';
import { TestDatabase } from '@app/testing';
import { PersistenceModule } from '../persistence.module';
import { ItipDeliveryRepository } from './itip-delivery.repository';
import { ItipFanOutRepository } from './itip-fan-out.repository';

describe('iTIP delivery and fan-out repositories (real MongoDB wire protocol)', () => {
  let context: INestApplicationContext;
  let database: TestDatabase;
  let deliveries: ItipDeliveryRepository;
  let fanOuts: ItipFanOutRepository;
  const at = (seconds: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, seconds));
  const DAY = 86_400_000;

  beforeAll(async () => {
    context = await (
      await Test.createTestingModule({ imports: [AppConfigModule.forRoot(), PersistenceModule] }).compile()
    ).init();
    database = await TestDatabase.open();
    deliveries = context.get(ItipDeliveryRepository);
    fanOuts = context.get(ItipFanOutRepository);
  });
  afterAll(async () => {
    await context.close();
    await database.drop();
    await database.close();
  });

  it('creates the expiry indexes (TTL on MongoDB, plain on FerretDB 1.x)', async () => {
    for (const collection of ['twake_calendar_itip_deliveries', 'twake_calendar_itip_fan_outs']) {
      const indexes = await database.db.collection(collection).indexes();
      expect(indexes.map((index) => index.name)).toContain('ttl_expiresAt');
    }
  });

  describe('deliveries', () => {
    it('lets one claimant process a message, then remembers it as done', async () => {
      expect(await deliveries.claim('k1', at(0), 60_000, DAY)).toEqual({
        state: 'claimed',
        itipDelivered: false,
      });
      expect(await deliveries.claim('k1', at(1), 60_000, DAY)).toEqual({ state: 'in-progress' });
      await deliveries.complete('k1', at(3600));
      expect(await deliveries.claim('k1', at(2), 60_000, DAY)).toEqual({ state: 'done' });
      expect(
        await database.db.collection('twake_calendar_itip_deliveries').findOne({ _id: 'k1' as never }),
      ).toEqual({
        _id: 'k1',
        state: 'done',
        itipDelivered: false,
        leaseUntil: at(60),
        expiresAt: at(3600),
      });
    });

    it('gives a released claim to the next claimant, remembering the /itip call', async () => {
      expect(await deliveries.claim('k2', at(0), 60_000, DAY)).toEqual({
        state: 'claimed',
        itipDelivered: false,
      });
      await deliveries.markItipDelivered('k2');
      await deliveries.release('k2', at(1));
      expect(await deliveries.claim('k2', at(1), 60_000, DAY)).toEqual({
        state: 'claimed',
        itipDelivered: true,
      });
    });

    it('takes over an expired lease, and forgets an expired record', async () => {
      expect(await deliveries.claim('k3', at(0), 1_000, DAY)).toEqual({
        state: 'claimed',
        itipDelivered: false,
      });
      expect(await deliveries.claim('k3', at(5), 1_000, DAY)).toEqual({
        state: 'claimed',
        itipDelivered: false,
      });
      await deliveries.complete('k3', at(10));
      expect(await deliveries.claim('k3', at(11), 1_000, DAY)).toEqual({
        state: 'claimed',
        itipDelivered: false,
      });
    });

    it('sweeps expired records only', async () => {
      await deliveries.claim('k4', at(0), 1_000, 2_000);
      await deliveries.claim('k5', at(0), 1_000, DAY);
      expect(await deliveries.deleteExpired(at(3))).toBeGreaterThanOrEqual(1);
      const left = await database.db.collection('twake_calendar_itip_deliveries').distinct('_id');
      expect(left).toContain('k5');
      expect(left).not.toContain('k4');
    });
  });

  describe('fan-outs', () => {
    it('keeps one fan-out open per UID until its last copy is settled', async () => {
      expect(await fanOuts.open('uid-1', 'f1', ['a', 'b', 'a'], at(0), at(600))).toBe(true);
      expect(await fanOuts.pending('uid-1', at(1))).toEqual(['a', 'b']);
      expect(await fanOuts.open('uid-1', 'f2', ['c'], at(1), at(600))).toBe(false);
      await fanOuts.settle('uid-1', 'a');
      await fanOuts.settle('uid-1', 'a');
      expect(await fanOuts.pending('uid-1', at(2))).toEqual(['b']);
      await fanOuts.settle('uid-1', 'b');
      expect(await fanOuts.pending('uid-1', at(3))).toEqual([]);
      expect(await fanOuts.open('uid-1', 'f2', ['c'], at(4), at(600))).toBe(true);
      expect(await fanOuts.pending('uid-2', at(4))).toEqual([]);
    });

    it('replaces an expired fan-out, and closes one by its id only', async () => {
      expect(await fanOuts.open('uid-3', 'f1', ['a'], at(0), at(10))).toBe(true);
      expect(await fanOuts.pending('uid-3', at(11))).toEqual([]);
      expect(await fanOuts.open('uid-3', 'f2', ['b'], at(11), at(600))).toBe(true);
      await fanOuts.close('uid-3', 'f1');
      expect(await fanOuts.pending('uid-3', at(12))).toEqual(['b']);
      await fanOuts.close('uid-3', 'f2');
      expect(await fanOuts.pending('uid-3', at(13))).toEqual([]);
    });

    it('sweeps expired fan-outs', async () => {
      await fanOuts.open('uid-4', 'f1', ['a'], at(0), at(10));
      expect(await fanOuts.deleteExpired(at(11))).toBeGreaterThanOrEqual(1);
      expect(
        await database.db
          .collection('twake_calendar_itip_fan_outs')
          .countDocuments({ _id: 'uid-4' as never }),
      ).toBe(0);
    });
  });
});
