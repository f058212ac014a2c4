import { ObjectId } from 'mongodb';
import { request } from 'undici';
import { TestService, startTestService } from '../support/service-apps';
import { IN_FLIGHT_BOUND, MiB, TransportDavServer } from '../support/transport-dav-server';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ICS export of a large calendar', () => {
  let upstream: TransportDavServer;
  let service: TestService;
  let base: string;
  const userId = new ObjectId();
  const token = 'q3Zr0_xV8kLmP2bTnE5wYc1sHd4uJa';

  beforeAll(async () => {
    upstream = await TransportDavServer.start();
    service = await startTestService({ DAV_URL: upstream.url, DOMAINS: 'twake.test' });
    await service.api.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(service.api.getHttpServer().address() as { port: number }).port}`;
    // Legacy documents, as the original service wrote them.
    const domain = await service.database.db.collection('domains').findOne({ name: 'twake.test' });
    await service.database.db.collection('users').insertOne({
      _id: userId,
      firstname: 'Big',
      lastname: 'Calendar',
      accounts: [{ type: 'email', hosted: true, emails: ['big@twake.test'] }],
      domains: [{ domain_id: domain!._id }],
    });
    await service.database.db.collection('secretlinks').insertOne({
      user_id: userId,
      calendarHomeId: userId.toHexString(),
      calendarId: 'large',
      token,
    });
  });
  afterAll(async () => {
    await service.close();
    await upstream.stop();
  });

  it('streams 256 MiB of ICS to a slow client without buffering it', async () => {
    const response = await request(
      `${base}/api/calendars/${userId.toHexString()}/large/calendar.ics?token=${token}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    let received = 0;
    let aheadWhilePaused = -1;
    for await (const chunk of response.body) {
      received += (chunk as Buffer).length;
      if (aheadWhilePaused < 0 && received >= MiB) {
        await sleep(500);
        aheadWhilePaused = upstream.sent - received;
      }
    }
    expect(received).toBe(upstream.sent);
    expect(received).toBeGreaterThan(250 * MiB);
    expect(aheadWhilePaused).toBeGreaterThanOrEqual(0);
    expect(aheadWhilePaused).toBeLessThan(IN_FLIGHT_BOUND);
    // ~6 s on a quiet machine; 256 MiB through two processes takes several times that on a loaded one.
  }, 120_000);
});
