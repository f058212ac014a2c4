import { Writable } from 'node:stream';
import express from 'express';
import { PinoLogger } from 'nestjs-pino';
import pinoHttp from 'pino-http';
import request from 'supertest';
import { ConfigurationError } from '@app/config';
import { loggerParams, requestLogger } from '@app/observability';
import { createServiceApps } from '../../apps/side-service/src/bootstrap';

describe('boot with a bad configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('stops with one error listing every problem', async () => {
    delete process.env.MONGO_URL;
    delete process.env.SPA_EXCAL_URL;
    process.env.REST_API_PORT = '99999';
    process.env.DAV_RESPONSE_TIMEOUT = 'soon';
    const failure = await createServiceApps().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ConfigurationError);
    const problems = (failure as ConfigurationError).problems.join('\n');
    expect(problems).toMatch(/MONGO_URL is required/);
    expect(problems).toMatch(/SPA_EXCAL_URL is required/);
    expect(problems).toMatch(/REST_API_PORT/);
    expect(problems).toMatch(/DAV_RESPONSE_TIMEOUT/);
    expect((failure as ConfigurationError).problems).toHaveLength(4);
  });
});

describe('request logs', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const params = loggerParams({ level: 'info', pretty: false });
  // The root logger of nestjs-pino (one per process, the first params win) writes to the sink.
  const context = new PinoLogger({ ...params, pinoHttp: [params.pinoHttp as object, sink] });
  const logged = (app: express.Express): express.Express => {
    app.get('/private', (req, res) => {
      req.log.info({ password: 'p4ssw0rd', user: { token: 'tok-123' } }, 'handling');
      context.info({ secret: 's3cr3t-value' }, 'through the context');
      res.json({ ok: true });
    });
    app.get('/missing', (_req, res) => res.status(404).json({ error: 'none' }));
    app.get('/failing', (_req, res) => res.status(503).end());
    return app;
  };
  const ours = logged(express().use(requestLogger(context)));

  beforeEach(() => lines.splice(0));

  it('carry a correlation id and never the credentials', async () => {
    const response = await request(ours)
      .get(
        '/private?token=secret-query-token&jwt=secret-jwt&password=secret-password&ticket=secret-ticket&other=visible',
      )
      .set('Authorization', 'Bearer super-secret-bearer')
      .set('Cookie', 'lemonldap=secret-cookie')
      .set('Password', 'admin-password')
      .set('X-Request-Id', 'corr-42')
      .expect(200);

    expect(response.headers['x-request-id']).toBe('corr-42');
    const text = lines.join('\n');
    for (const secret of [
      'super-secret-bearer',
      'secret-cookie',
      'admin-password',
      'p4ssw0rd',
      'tok-123',
      's3cr3t-value',
      'secret-query-token',
      'secret-jwt',
      'secret-password',
      'secret-ticket',
    ])
      expect(text).not.toContain(secret);
    expect(text).toContain('other=visible');
    const records = lines.map((line) => JSON.parse(line));
    expect(records.map((record) => record.message)).toEqual([
      'handling',
      'through the context',
      'request completed',
    ]);
    expect(records.every((record) => record.correlationId === 'corr-42')).toBe(true);
    expect(records[2]).toMatchObject({
      req: { id: 'corr-42', method: 'GET' },
      res: { statusCode: 200, headers: { 'x-request-id': 'corr-42' } },
    });
  });

  it('write the lines pino-http wrote, field for field, at the same levels', async () => {
    const recorded = async (app: express.Express): Promise<Record<string, unknown>[]> => {
      lines.splice(0);
      for (const [path, status] of [
        ['/private?token=t&other=visible', 200],
        ['/missing', 404],
        ['/failing', 503],
      ] as const)
        await request(app)
          .get(path)
          .set('X-Request-Id', `corr-${status}`)
          .set('Cookie', 'c=1')
          .expect(status);
      return lines.map((line) => {
        const record = JSON.parse(line) as Record<string, unknown>;
        delete record.time;
        delete record.responseTime;
        delete (record.res as { headers?: Record<string, unknown> } | undefined)?.headers?.date;
        delete (record.err as { stack?: string } | undefined)?.stack;
        return record;
      });
    };
    // What nestjs-pino mounted: pino-http, then the request's logger as the context of PinoLogger's lines.
    const pinoHttpApp = express()
      .use(pinoHttp(params.pinoHttp as object, sink))
      .use((req, _res, next) => context.runInContext(next, { bindings: { correlationId: req.id } }));
    const before = await recorded(logged(pinoHttpApp));
    const after = await recorded(ours);
    expect(after).toEqual(before);
    expect(after.map((record) => Object.keys(record))).toEqual(before.map((record) => Object.keys(record)));
    expect(
      after.filter((record) => String(record.message).startsWith('request')).map((r) => r.level),
    ).toEqual([30, 40, 50]);
    expect(after.at(-1)).toMatchObject({
      message: 'request errored',
      err: { message: 'failed with status code 503' },
    });
  });

  it('makes up a correlation id when the caller sends none or a bad one', async () => {
    const plain = await request(ours).get('/missing').expect(404);
    expect(plain.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await request(ours).get('/missing').set('X-Request-Id', 'bad id with spaces').expect(404);
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
