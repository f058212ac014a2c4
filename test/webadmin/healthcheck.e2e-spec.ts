import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { TestVhost, expectEventually } from '@app/testing';
import { TestService, startTestService } from '../support/service-apps';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A private, real Redis server that the test may stop. */
async function startRedis(port: number): Promise<ChildProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'redis-health-'));
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir],
    {
      stdio: 'ignore',
    },
  );
  await expectEventually(
    () =>
      new Promise<void>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => (socket.end(), resolve()));
        socket.once('error', reject);
      }),
    { timeoutMs: 10_000 },
  );
  return redis;
}

async function stopRedis(redis: ChildProcess): Promise<void> {
  if (redis.exitCode !== null || redis.signalCode !== null) return;
  const exited = new Promise((resolve) => redis.once('exit', resolve));
  redis.kill('SIGKILL');
  await exited;
}

// Each suite has its own broker virtual host: the default one may hold dead-lettered messages left by a demo session,
// which the dead-letter queue check reports.
describe('webadmin /healthcheck', () => {
  let service: TestService;
  let redis: ChildProcess;
  let vhost: TestVhost;

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    vhost = await TestVhost.create();
    service = await startTestService({ ...vhost.env(), REDIS_URL: `redis://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await stopRedis(redis);
    await service?.close();
    await vhost?.delete();
  });

  it('lists the components of the configured services', async () => {
    const response = await service.admin().get('/healthcheck/checks').expect(200);
    const names = response.body.map((check: { componentName: string }) => check.componentName);
    expect(names).toEqual(
      expect.arrayContaining([
        'Guice application lifecycle',
        'MongoDB',
        'RabbitMQ backend',
        'Redis',
        'OpenSearch Backend',
        'LDAP User Server',
        'DAV server',
      ]),
    );
    expect(response.body).toContainEqual({
      componentName: 'RabbitMQ backend',
      escapedComponentName: 'RabbitMQ%20backend',
    });
  });

  it('reports every running service healthy', async () => {
    const response = await service.admin().get('/healthcheck').expect(200);
    expect(response.body.status).toBe('healthy');
    for (const check of response.body.checks) expect(check).toMatchObject({ status: 'healthy', cause: null });
  });

  it('runs a single check by name, escaped or not', async () => {
    const response = await service.admin().get('/healthcheck/checks/RabbitMQ%20backend').expect(200);
    expect(response.body).toEqual({
      componentName: 'RabbitMQ backend',
      escapedComponentName: 'RabbitMQ%20backend',
      status: 'healthy',
      cause: null,
    });
    const filtered = await service
      .admin()
      .get('/healthcheck')
      .query({ check: ['MongoDB', 'Redis'] })
      .expect(200);
    expect(
      filtered.body.checks.map((check: { componentName: string }) => check.componentName).sort(),
    ).toEqual(['MongoDB', 'Redis']);
  });

  it('answers 404 for an unknown component', async () => {
    const single = await service.admin().get('/healthcheck/checks/Nope').expect(404);
    expect(single.body).toMatchObject({ statusCode: 404, type: 'notFound' });
    await service.admin().get('/healthcheck').query({ check: 'Nope' }).expect(404);
  });

  it('reports Redis degraded once it is stopped (503 with strict), then healthy again when it is back', async () => {
    const port = Number(new URL(process.env.REDIS_URL!).port);
    await stopRedis(redis);
    await expectEventually(async () => {
      const response = await service.admin().get('/healthcheck/checks/Redis').expect(200);
      expect(response.body.status).toBe('degraded');
      expect(response.body.cause).toEqual(expect.any(String));
    });
    const all = await service.admin().get('/healthcheck').expect(200);
    expect(all.body.status).toBe('degraded');
    await service.admin().get('/healthcheck').query({ strict: '' }).expect(503);
    await service.admin().get('/healthcheck/checks/Redis').query({ strict: '' }).expect(503);
    const twice = await service.admin().get('/healthcheck?strict&strict').expect(400);
    expect(twice.body).toMatchObject({
      statusCode: 400,
      type: 'InvalidArgument',
      message: 'Invalid arguments supplied in the user request',
      details: "Query parameter 'strict' must be given once",
    });

    redis = await startRedis(port);
    await expectEventually(
      async () => {
        const response = await service.admin().get('/healthcheck/checks/Redis').expect(200);
        expect(response.body.status).toBe('healthy');
      },
      { timeoutMs: 15_000 },
    );
  });
});

describe('webadmin /healthcheck with the DAV server unreachable', () => {
  let service: TestService;
  let vhost: TestVhost;
  const warnings: unknown[][] = [];

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(function (this: Logger, ...args: unknown[]) {
      warnings.push([this.context, ...args]);
    });
    vhost = await TestVhost.create();
    service = await startTestService({
      ...vhost.env(),
      DAV_URL: `http://127.0.0.1:${await freePort()}`,
      // The shortest period the configuration accepts.
      HEALTHCHECK_PERIOD: '10s',
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await service?.close();
    await vhost?.delete();
  });

  it('reports the DAV component unhealthy and answers 503', async () => {
    const response = await service.admin().get('/healthcheck').expect(503);
    expect(response.body.status).toBe('unhealthy');
    const dav = response.body.checks.find(
      (check: { componentName: string }) => check.componentName === 'DAV server',
    );
    expect(dav).toMatchObject({ status: 'unhealthy', cause: expect.stringMatching(/ECONNREFUSED/) });
    const mongo = response.body.checks.find(
      (check: { componentName: string }) => check.componentName === 'MongoDB',
    );
    expect(mongo.status).toBe('healthy');
  });

  it('logs the failing check in the background, every HEALTHCHECK_PERIOD', async () => {
    await expectEventually(
      () =>
        expect(warnings).toContainEqual([
          'HealthService',
          expect.objectContaining({ component: 'DAV server', status: 'unhealthy' }),
          'health check failed',
        ]),
      { timeoutMs: 20_000 },
    );
  }, 30_000);
});
