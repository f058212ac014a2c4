/**
 * Cost of authentication on a trivial endpoint: the same handler behind the credential chain with a cached OIDC
 * token, and open. Prints requests per second, latencies, the ratio (target: the cached path costs under 10%) and
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
import { LoadResult, format, load, prepareBenchEnvironment } from './support/bench-env';

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
  const seconds = Number(process.argv[2] ?? 8);
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

  @Module({ imports: [AppModule.forRoot()], controllers: [BenchController] })
  class BenchModule {}
  const app = await NestFactory.create<NestExpressApplication>(BenchModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;

  const token = await provider.issueToken({ sub: 'bench-sub', sid: `bench-${Date.now()}` });
  const headers = { authorization: `Bearer ${token}` };
  const warmup = await fetch(`${base}/bench/guarded`, { headers });
  if (warmup.status !== 200) throw new Error(`guarded endpoint answered ${warmup.status}`);

  // Same headers on both endpoints; alternating rounds, medians reported (two cores shared with the load generator).
  const options = { durationMs: seconds * 1000, connections: 32, headers };
  await load(`${base}/bench/open`, { ...options, durationMs: 2000 }); // JIT warm-up
  await load(`${base}/bench/guarded`, { ...options, durationMs: 2000 });
  const opens: LoadResult[] = [];
  const guardeds: LoadResult[] = [];
  for (let round = 0; round < 3; round++) {
    opens.push(await load(`${base}/bench/open`, options));
    guardeds.push(await load(`${base}/bench/guarded`, options));
  }
  const median = (results: LoadResult[]) => [...results].sort((a, b) => a.rps - b.rps)[1]!;
  const open = median(opens);
  const guarded = median(guardeds);
  const authenticated = guardeds.reduce((sum, result) => sum + result.requests, 2);
  const counters = await provider.counters();

  const cost = (1 - guarded.rps / open.rps) * 100;
  console.log(
    `auth benchmark (3 alternating rounds of ${seconds}s, medians, 32 connections, cache: ${process.env.REDIS_URL ? 'Redis' : 'memory'})`,
  );
  console.log(
    `  open endpoint        ${format(open.rps, 0)} req/s   p50 ${format(open.p50Ms, 2)} ms   p99 ${format(open.p99Ms, 2)} ms   errors ${open.errors}`,
  );
  console.log(
    `  cached OIDC token    ${format(guarded.rps, 0)} req/s   p50 ${format(guarded.p50Ms, 2)} ms   p99 ${format(guarded.p99Ms, 2)} ms   errors ${guarded.errors}`,
  );
  console.log(
    `  ratio guarded/open   ${format(guarded.rps / open.rps, 3)}   (authentication costs ${format(cost)}%, target < 10%)`,
  );
  console.log(
    `  introspection calls  ${counters.introspection} for ${authenticated} authenticated requests (target: 1 per token per cache period)`,
  );

  await app.close();
  const database = await TestDatabase.open();
  await database.drop();
  await database.close();
  await provider.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
