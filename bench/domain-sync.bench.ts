/**
 * LDAP → DAV domain-member sync of a 10 000-member domain (webadmin.md §6.4).
 *
 * Members are added to a private unit of the stack's OpenLDAP (removed at the end); the service runs in this process.
 * Printed:
 * - the first run (empty book: creation, then 10 000 vCard PUTs, 4 at a time) against an in-memory stand-in that
 *   answers at once, so the figure is the service's own cost (Radicale takes 40–300 ms per PUT as a book grows: a
 *   first run through it is measured with a smaller `members` argument and `--through-radicale`);
 * - the cards the stand-in received are then loaded into Radicale in one collection PUT, and the service is booted
 *   again with the esn-sabre test double in front of Radicale;
 * - the no-change run (LDAP search + book export + parse + diff, no write), repeated, median;
 * - the bare work it cannot avoid, measured in alternating rounds of the same run: the same paged LDAP search with a
 *   raw ldapts client, and the same export fetched raw through the double (both side by side, as the sync does);
 * - the ratio no-change / bare (goal ≤ 1.3: the parse and diff cost little), as a `BENCH_ROW`.
 * On both engines (the LDAP members are added once). BENCH_QUICK=1: 2,000 members, 3 rounds.
 *
 *   npx ts-node -r tsconfig-paths/register bench/domain-sync.bench.ts [members] [rounds] [--through-radicale]
 */
import 'reflect-metadata';
import { IncomingMessage, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { CommandBus } from '@nestjs/cqrs';
import { Client } from 'ldapts';
import { TechnicalTokenService } from '@app/auth';
import { TestDatabase } from '@app/testing';
import { ServiceApps, closeServiceApps, createServiceApps } from '../apps/side-service/src/bootstrap';
import { SyncDomainMembersCommand } from '../apps/side-service/src/domain-sync/commands/sync-domain-members/sync-domain-members.command';
import { TaskManager } from '../apps/side-service/src/tasks/task-manager';
import { EsnSabreDouble } from '../test/doubles/esn-sabre/esn-sabre-double';
import { LdapFixture } from '../test/support/ldap-fixture';
import {
  Engine,
  benchEngines,
  format,
  loadAverage,
  prepareBenchEnvironment,
  reportRow,
  useEngine,
} from './support/bench-env';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function seedMembers(ldap: LdapFixture, domain: string, count: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) {
      const id = String(index).padStart(5, '0');
      await ldap.add(`member${id}`, {
        mail: `member${id}@${domain}`,
        cn: `Member ${id} Person`,
        sn: 'Person',
        givenName: `Member ${id}`,
        telephoneNumber: `+33 1 00 0${id.slice(0, 1)} ${id.slice(1, 3)} ${id.slice(3)}`,
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** Just enough of esn-sabre's domain-members book, in memory and instant (no authentication). */
async function startInstantBook(): Promise<{
  url: string;
  cards: Map<string, string>;
  close: () => Promise<void>;
}> {
  const cards = new Map<string, string>();
  let created = false;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url!;
      if (req.method === 'POST' && url.endsWith('.json')) {
        created = true;
        return void res.writeHead(201).end();
      }
      if (!created)
        return void res.writeHead(404).end(`Could not find node at path: ${url.slice(1).split('?')[0]}`);
      if (req.method === 'GET' && url.endsWith('?export'))
        return void res.writeHead(200, { 'content-type': 'text/vcard' }).end([...cards.values()].join(''));
      const name = url.split('/').pop()!;
      if (req.method === 'PUT') {
        const existed = cards.has(name);
        cards.set(name, Buffer.concat(chunks).toString('utf8'));
        return void res.writeHead(existed ? 204 : 201).end();
      }
      if (req.method === 'DELETE')
        return void (cards.delete(name)
          ? res.writeHead(204).end()
          : res.writeHead(404).end('Card not found'));
      res.writeHead(405).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cards,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function main(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1';
  const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const throughRadicale = process.argv.includes('--through-radicale');
  const members = Number(args[0] ?? (quick ? 2_000 : 10_000));
  const rounds = Number(args[1] ?? (quick ? 3 : 5));
  const domain = `bench-sync-${Date.now().toString(36)}.test`;
  prepareBenchEnvironment({ DOMAINS: domain, WEBADMIN_ENABLED: 'false' });
  const radicaleUrl = process.env.DAV_URL!;
  const ldap = await LdapFixture.create('domainsync-bench');
  Object.assign(process.env, ldap.env());
  try {
    const started = performance.now();
    await seedMembers(ldap, domain, members);
    console.log(`LDAP: ${members} members added in ${format((performance.now() - started) / 1000)} s`);
    for (const engine of benchEngines())
      await runOn(engine, { ldap, domain, members, rounds, radicaleUrl, throughRadicale });
  } finally {
    await ldap.destroy();
  }
}

async function runOn(
  engine: Engine,
  run: {
    ldap: LdapFixture;
    domain: string;
    members: number;
    rounds: number;
    radicaleUrl: string;
    throughRadicale: boolean;
  },
): Promise<void> {
  const { ldap, domain, members, rounds, radicaleUrl, throughRadicale } = run;
  useEngine(engine);
  console.log(`on ${engine} (load ${loadAverage()}):`);
  let apps: ServiceApps | undefined;
  let double: EsnSabreDouble | undefined;
  const database = await TestDatabase.open();
  let domainId = '';
  try {
    let started = performance.now();

    const boot = async (davUrl: string) => {
      process.env.DAV_URL = davUrl;
      const booted = await createServiceApps();
      await booted.api.listen(0, '127.0.0.1');
      return booted;
    };
    const sync = async (on: ServiceApps) => {
      const begun = performance.now();
      const tasks = on.api.get(TaskManager);
      const id = await on.api
        .get(CommandBus)
        .execute(new SyncDomainMembersCommand(domain, undefined, undefined));
      const details = await tasks.await(id, 6 * 3_600_000);
      const elapsed = performance.now() - begun;
      if (details?.status !== 'completed') throw new Error(`sync ended ${JSON.stringify(details)}`);
      return { elapsed, information: details.additionalInformation! };
    };
    double = await EsnSabreDouble.start({
      radicaleUrl,
      db: database.db,
      adminUser: process.env.DAV_ADMIN_USER!,
      adminPassword: process.env.DAV_ADMIN_PASSWORD!,
    });

    if (throughRadicale) {
      apps = await boot(double.url);
      double.setSideServiceUrl(
        `http://127.0.0.1:${(apps.api.getHttpServer().address() as AddressInfo).port}`,
      );
      domainId = (await database.db.collection('domains').findOne({ name: domain }))!._id.toHexString();
      const first = await sync(apps);
      console.log(
        `first run through the double and Radicale: ${format(first.elapsed / 1000)} s, ` +
          `${first.information.addedCount} cards added (${format(Number(first.information.addedCount) / (first.elapsed / 1000), 0)} cards/s)`,
      );
    } else {
      const instant = await startInstantBook();
      apps = await boot(instant.url);
      domainId = (await database.db.collection('domains').findOne({ name: domain }))!._id.toHexString();
      const first = await sync(apps);
      console.log(
        `first run (instant stand-in): ${format(first.elapsed / 1000)} s, ${first.information.addedCount} cards added ` +
          `(${format(Number(first.information.addedCount) / (first.elapsed / 1000), 0)} cards/s: the service's own cost)`,
      );
      await closeServiceApps(apps);
      apps = undefined;
      await instant.close();
      started = performance.now();
      await double.store.ensureCollection('/addressbooks/', 'plain');
      await double.store.ensureCollection(`/addressbooks/${domainId}/`, 'plain');
      const load = await double.store.text('PUT', `/addressbooks/${domainId}/domain-members/`, {
        headers: { 'content-type': 'text/vcard' },
        body: [...instant.cards.values()].join(''),
      });
      if (load.status >= 300) throw new Error(`loading Radicale: ${load.status} ${load.text}`);
      console.log(
        `Radicale: ${instant.cards.size} cards loaded in ${format((performance.now() - started) / 1000)} s`,
      );
      apps = await boot(double.url);
      double.setSideServiceUrl(
        `http://127.0.0.1:${(apps.api.getHttpServer().address() as AddressInfo).port}`,
      );
    }
    const service = apps;
    const tokens = service.api.get(TechnicalTokenService);
    const bareLdap = async () => {
      const client = new Client({ url: process.env.LDAP_URL! });
      try {
        await client.bind(process.env.LDAP_BIND_DN!, process.env.LDAP_BIND_PASSWORD!);
        const { searchEntries } = await client.search(ldap.base, {
          scope: 'sub',
          filter: `(&(objectClass=inetOrgPerson)(mail=*@${domain}))`,
          attributes: ['uid', 'cn', 'sn', 'givenName', 'mail', 'telephoneNumber', 'displayName'],
          paged: { pageSize: 1000 },
        });
        return searchEntries.length;
      } finally {
        await client.unbind();
      }
    };
    const bareExport = async () => {
      const response = await fetch(`${double!.url}/addressbooks/${domainId}/domain-members?export`, {
        headers: { twakecalendartoken: await tokens.mint(domainId) },
      });
      return (await response.text()).length;
    };
    const bare = async () => {
      const begun = performance.now();
      const [entries, bytes] = await Promise.all([bareLdap(), bareExport()]);
      return { elapsed: performance.now() - begun, entries, bytes };
    };
    const quiet: number[] = [];
    const bareTimes: number[] = [];
    const bareSums: number[] = [];
    let sample = { entries: 0, bytes: 0 };
    for (let round = 0; round < rounds; round++) {
      const outcome = await sync(service);
      const changes =
        Number(outcome.information.addedCount) +
        Number(outcome.information.updatedCount) +
        Number(outcome.information.deletedCount);
      if (changes !== 0) throw new Error(`the no-change run changed ${changes} cards`);
      quiet.push(outcome.elapsed);
      const baseline = await bare();
      bareTimes.push(baseline.elapsed);
      sample = baseline;
      started = performance.now();
      await bareLdap();
      const ldapAlone = performance.now() - started;
      started = performance.now();
      await bareExport();
      bareSums.push(ldapAlone + performance.now() - started);
    }
    console.log(
      `no-change run: median ${format(median(quiet))} ms over ${rounds} runs (0 writes; ${sample.entries} entries, ` +
        `${format(sample.bytes / 1_048_576, 2)} MiB of vCards)`,
    );
    console.log(`bare LDAP search + DAV export side by side: median ${format(median(bareTimes))} ms`);
    console.log(`bare LDAP search then DAV export: median ${format(median(bareSums))} ms`);
    console.log(
      `ratio no-change / bare side by side: ${format(median(quiet) / median(bareTimes), 2)}x (goal <= 1.3x); ` +
        `/ bare sequential: ${format(median(quiet) / median(bareSums), 2)}x`,
    );
    reportRow({
      bench: 'domain-sync',
      figure: `no-change sync, ${members} members`,
      value: median(quiet),
      unit: 'ms',
      baseline: median(bareTimes),
      baselineLabel: 'bare LDAP search + DAV export side by side',
      ratio: median(quiet) / median(bareTimes),
      goal: { op: '<=', target: 1.3 },
      engine,
      note: `median of ${rounds}; bare sequential ${format(median(bareSums))} ms`,
    });
  } finally {
    if (apps) await closeServiceApps(apps);
    if (double) {
      if (domainId) await (await double.store.request('DELETE', `/addressbooks/${domainId}/`)).body.dump();
      await double.stop();
    }
    await database.drop().catch(() => undefined);
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
