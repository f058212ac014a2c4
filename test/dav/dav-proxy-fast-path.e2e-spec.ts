import { PinoLogger } from 'nestjs-pino';
import { request } from 'undici';
import { TestOidcProvider } from '@app/testing';
import { TestService, startTestService } from '../support/service-apps';
import { TransportDavServer } from '../support/transport-dav-server';

/**
 * A signed-in caller's DAV requests (bearer token already in the authentication cache) take the proxy's fast path,
 * ahead of the request logger and Nest's middlewares: same answers, same errors, the same request log line.
 */
describe('DAV proxy fast path (cached credential)', () => {
  let upstream: TransportDavServer;
  let provider: TestOidcProvider;
  let service: TestService;
  let base: string;
  let bearer: { authorization: string };

  beforeAll(async () => {
    upstream = await TransportDavServer.start();
    provider = await TestOidcProvider.start();
    service = await startTestService({
      ...provider.env(),
      DOMAINS: 'twake.test',
      DAV_URL: upstream.url,
      DAV_RESPONSE_TIMEOUT: '1s',
    });
    await service.api.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(service.api.getHttpServer().address() as { port: number }).port}`;
    await provider.addAccount({
      sub: 'fast-sub',
      email: 'fast@twake.test',
      given_name: 'Fast',
      family_name: 'Path',
    });
    bearer = {
      authorization: `Bearer ${await provider.issueToken({ sub: 'fast-sub', sid: `fast-${Date.now()}` })}`,
    };
  });
  afterAll(async () => {
    await service.close();
    await provider.stop();
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await request(`${base}${path}`, { headers: { ...bearer, ...headers } });
    return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
  };

  it('relays the same answer before and after the credential is cached, with only the DAV server headers', async () => {
    const first = await get('/dav/anything');
    const cached = await get('/dav/anything');
    for (const answer of [first, cached]) {
      expect(answer).toMatchObject({ status: 500, body: 'boom' });
      expect(answer.headers['content-type']).toBe('text/plain');
      expect(answer.headers['x-request-id']).toBeUndefined();
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('writes the request log line of the chain, with the correlation id and the status', async () => {
    await get('/dav/anything'); // cached
    const root = PinoLogger.root;
    const level = root.level;
    root.level = 'info';
    const lines: { record: Record<string, unknown>; message: string }[] = [];
    const spy = jest.spyOn(root, 'error').mockImplementation(((
      record: Record<string, unknown>,
      message: string,
    ) => {
      lines.push({ record, message });
    }) as never);
    try {
      await get('/dav/anything?token=secret', { 'x-request-id': 'fast-42' });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      spy.mockRestore();
      root.level = level;
    }
    // The DAV server's error (its URL without the secret), then the request line.
    expect(lines.map((line) => line.message)).toEqual([
      expect.stringMatching(
        /^DAV GET http:\/\/127\.0\.0\.1:\d+\/anything\?token=\[redacted\] answered 500: boom$/,
      ),
      'request errored',
    ]);
    expect(lines[1]!.record).toMatchObject({
      correlationId: 'fast-42',
      req: { id: 'fast-42', method: 'GET', originalUrl: '/dav/anything?token=secret' },
      res: { statusCode: 500 },
    });
    // The line goes through the logger's serializers: the secret query value is redacted there.
    const serialized = (root as unknown as { [key: symbol]: Record<string, (value: unknown) => unknown> })[
      Symbol.for('pino.serializers')
    ]!;
    expect(JSON.stringify(serialized.req!(lines[1]!.record.req))).not.toContain('secret');
  });

  it('answers 503 once, in the REST format, when the DAV server does not answer in time (forwarded once)', async () => {
    await get('/dav/anything'); // cached
    const before = upstream.requests;
    const response = await get('/dav/hang');
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body)).toEqual({
      error: {
        code: 503,
        type: 'ServiceUnavailable',
        message: 'Service Unavailable',
        details: 'DAV server unavailable',
      },
    });
    expect(upstream.requests - before).toBe(1);
  });

  it('answers 503 at once when the DAV server is down, and 401 without credentials', async () => {
    expect((await get('/dav/nothing', { authorization: 'Bearer unknown-token' })).status).toBe(401);
    await upstream.stop();
    const started = Date.now();
    expect((await get('/dav/calendars/x')).status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
