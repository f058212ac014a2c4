/**
 * Cost of authentication on a trivial endpoint: the same handler behind the credential chain with a cached OIDC
 * token, and open. Prints requests per second, latencies, the ratio (goal: the cached path reaches 0.95 of the open one) and
 * the number of introspection calls the real OpenID provider received (target: one per token per cache period).
 *
 * Both endpoints receive the same request headers.
 *
 *   npx ts-node -r tsconfig-paths/register bench/auth.bench.ts [seconds]      (BENCH_CACHE=memory: without Redis)
 */
import 'reflect-metadata';
import { Controller, Get, Module, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AuthenticatedGuard } from '@app/auth';
import { TestDatabase, TestOidcProvider } from '@app/testing';
import { AppModule } from '../apps/side-service/src/app.module';
import { PushWsAdapter } from '../apps/side-service/src/websocket/push-ws.adapter';
import {
  Engine,
  LoadResult,
  benchEngines,
  cpuMsOf,
  format,
  load,
  loadAverage,
  prepareBenchEnvironment,
  profiled,
  reportRow,
  useEngine,
} from './support/bench-env';

@Controller('bench')
class BenchController {
  @Get('open')
  open(): { ok: true } {
    return { ok: true };
  }

  @Get('guarded')
  @UseGuards(AuthenticatedGuard)
  guarded(): { ok: true } {
    return { ok: true };
  }
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? (process.env.BENCH_QUICK === '1' ? 4 : 8));
  const provider = await TestOidcProvider.start();
  const cache = process.env.BENCH_CACHE ?? 'redis';
  prepareBenchEnvironment({
    ...provider.env(),
    DOMAINS: 'twake.test',
    ...(cache === 'memory' ? { REDIS_URL: undefined } : {}),
  });
  await provider.addAccount({
    sub: 'bench-sub',
    email: 'bench@twake.test',
    given_name: 'Bench',
    family_name: 'User',
  });
  try {
    for (const engine of benchEngines()) await runOn(engine, seconds, provider);
  } finally {
    await provider.stop();
  }
}

async function runOn(engine: Engine, seconds: number, provider: TestOidcProvider): Promise<void> {
  useEngine(engine);
  @Module({ imports: [AppModule.forRoot()], controllers: [BenchController] })
  class BenchModule {}
  // abortOnError false: a start-up failure is thrown (and printed) instead of a silent process.exit(1).
  const app = await NestFactory.create<NestExpressApplication>(BenchModule, {
    logger: false,
    abortOnError: false,
  });
  // The REST server hosts WebSocket gateways: Nest needs their adapter (without it, it exits with status 1).
  app.useWebSocketAdapter(new PushWsAdapter(app));
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;

  const token = await provider.issueToken({ sub: 'bench-sub', sid: `bench-${Date.now()}` });
  const headers = { authorization: `Bearer ${token}` };
  const warmup = await fetch(`${base}/bench/guarded`, { headers });
  if (warmup.status !== 200) throw new Error(`guarded endpoint answered ${warmup.status}`);
  const before = await provider.counters();

  // Same headers on both endpoints; alternating rounds, medians reported (two cores shared with the load generator).
  const options = { durationMs: seconds * 1000, connections: 32, headers };
  await load(`${base}/bench/open`, { ...options, durationMs: 2000 }); // JIT warm-up
  await load(`${base}/bench/guarded`, { ...options, durationMs: 2000 });
  const opens: LoadResult[] = [];
  const guardeds: LoadResult[] = [];
  let openCpu = 0;
  let guardedCpu = 0;
  for (let round = 0; round < 3; round++) {
    let mark = cpuMsOf();
    const open = await load(`${base}/bench/open`, options);
    openCpu += (cpuMsOf() - mark) / open.requests;
    opens.push(open);
    mark = cpuMsOf();
    const run = () => load(`${base}/bench/guarded`, options);
    const guarded = round === 0 ? await profiled(`auth-${engine}`, run) : await run();
    guardedCpu += (cpuMsOf() - mark) / guarded.requests;
    guardeds.push(guarded);
  }
  const median = (results: LoadResult[]) => [...results].sort((a, b) => a.rps - b.rps)[1]!;
  const open = median(opens);
  const guarded = median(guardeds);
  const authenticated = guardeds.reduce((sum, result) => sum + result.requests, 2);
  const counters = await provider.counters();

  const cost = (1 - guarded.rps / open.rps) * 100;
  console.log(
    `auth benchmark on ${engine} (3 alternating rounds of ${seconds}s, medians, 32 connections, cache: ` +
      `${process.env.REDIS_URL ? 'Redis' : 'memory'}; load ${loadAverage()})`,
  );
  console.log(
    `  open endpoint        ${format(open.rps, 0)} req/s   p50 ${format(open.p50Ms, 2)} ms   p99 ${format(open.p99Ms, 2)} ms   errors ${open.errors}   CPU ${format(openCpu / 3, 3)} ms/req`,
  );
  console.log(
    `  cached OIDC token    ${format(guarded.rps, 0)} req/s   p50 ${format(guarded.p50Ms, 2)} ms   p99 ${format(guarded.p99Ms, 2)} ms   errors ${guarded.errors}   CPU ${format(guardedCpu / 3, 3)} ms/req`,
  );
  console.log(
    `  ratio guarded/open   ${format(guarded.rps / open.rps, 3)}   (authentication costs ${format(cost)}%, goal >= 0.95)`,
  );
  console.log(
    `  introspection calls  ${counters.introspection - before.introspection} for ${authenticated} authenticated requests (target: 1 per token per cache period)`,
  );
  reportRow({
    bench: 'auth',
    figure: 'cached OIDC token, trivial endpoint',
    value: guarded.rps,
    unit: 'req/s',
    baseline: open.rps,
    baselineLabel: 'same endpoint, open',
    ratio: guarded.rps / open.rps,
    goal: { op: '>=', target: 0.95 },
    engine,
    note: `CPU ${format(guardedCpu / 3, 3)} vs ${format(openCpu / 3, 3)} ms/req`,
  });

  await app.close();
  const database = await TestDatabase.open();
  await database.drop();
  await database.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
