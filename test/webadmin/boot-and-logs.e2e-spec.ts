import { Writable } from 'node:stream';
import express from 'express';
import pinoHttp from 'pino-http';
import request from 'supertest';
import { ConfigurationError } from '@app/config';
import { loggerParams } from '@app/observability';
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
  it('carry a correlation id and never the credentials', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const params = loggerParams({ level: 'info', pretty: false });
    const app = express();
    app.use(pinoHttp({ ...(params.pinoHttp as object) }, sink));
    app.get('/private', (req, res) => {
      req.log.info({ password: 'p4ssw0rd', user: { token: 'tok-123' } }, 'handling');
      res.json({ ok: true });
    });

    const response = await request(app)
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
      'secret-query-token',
      'secret-jwt',
      'secret-password',
      'secret-ticket',
    ])
      expect(text).not.toContain(secret);
    expect(text).toContain('other=visible');
    const records = lines.map((line) => JSON.parse(line));
    expect(records.every((record) => record.correlationId === 'corr-42')).toBe(true);
    expect(records.find((record) => record.message === 'request completed')).toMatchObject({
      res: { statusCode: 200 },
    });
  });

  it('makes up a correlation id when the caller sends none or a bad one', async () => {
    const app = express();
    app.use(pinoHttp({ ...(loggerParams({ level: 'silent', pretty: false }).pinoHttp as object) }));
    app.get('/', (_req, res) => res.end());
    const plain = await request(app).get('/').expect(200);
    expect(plain.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await request(app).get('/').set('X-Request-Id', 'bad id with spaces').expect(200);
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
