import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './bench-env';

/**
 * The service as it is shipped: `npm run build`, then `node <npm start's flags> dist/apps/side-service/src/main.js`
 * in its own process (the benchmarks that measure its CPU per request or its memory).
 */

/** Builds the service unless BENCH_SKIP_BUILD=1 (then dist/ is reused as it is). */
export function buildService(): void {
  if (process.env.BENCH_SKIP_BUILD === '1') return;
  console.log('building the service (npm run build; BENCH_SKIP_BUILD=1 reuses dist/) ...');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The Node flags of `npm start` (and of the Docker image): the service is measured as it is run.
 * BENCH_START_FLAGS replaces them (to compare settings; "none" for no flags).
 */
export function startFlags(): string[] {
  const override = process.env.BENCH_START_FLAGS;
  if (override) return override === 'none' ? [] : override.split(' ').filter(Boolean);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = pkg.scripts.start!.split(/\s+/);
  return words.slice(
    1,
    words.findIndex((word) => word.endsWith('main.js')),
  );
}

/** Flags writing a CPU profile of the service's whole run to `.bench-logs/<name>.cpuprofile` (written at exit). */
export const profileFlags = (name: string): string[] => [
  '--cpu-prof',
  `--cpu-prof-dir=${join(ROOT, '.bench-logs')}`,
  `--cpu-prof-name=${name}.cpuprofile`,
];

/**
 * Starts the compiled service on `port` with the current environment (`process.env`) and waits until it answers.
 * BENCH_NODE_FLAGS: extra flags for a diagnosis (e.g. --trace-gc); `extraFlags` likewise. Its stdout goes to
 * `.bench-logs/<log>.log`.
 */
export async function startService(
  port: number,
  options: { log: string; extraFlags?: string[] } = { log: 'service' },
): Promise<ChildProcess> {
  const script = join(ROOT, 'dist', 'apps', 'side-service', 'src', 'main.js');
  const extra = [
    ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
    ...(options.extraFlags ?? []),
  ];
  mkdirSync(join(ROOT, '.bench-logs'), { recursive: true });
  const output = openSync(join(ROOT, '.bench-logs', `${options.log}.log`), 'w');
  const child = spawn(process.execPath, [...startFlags(), ...extra, script], {
    cwd: ROOT,
    env: { ...process.env, REST_API_PORT: String(port), REST_API_HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', output, 'inherit'],
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
    const answered = await fetch(`http://127.0.0.1:${port}/api/user`).then(
      () => true,
      () => false,
    );
    if (answered) return child;
    if (Date.now() > deadline) throw new Error('the service did not answer within 120 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Stops a service started by `startService` (SIGTERM: it closes its servers and writes its CPU profile, if any). */
export async function stopService(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
