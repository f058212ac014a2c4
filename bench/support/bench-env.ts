import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { TEST_SERVICE_SETTINGS } from '@app/testing';

export const ROOT = join(__dirname, '..', '..');

/** The MongoDB-protocol engines a benchmark runs on: the in-memory bench engine and the FerretDB of the stack. */
export type Engine = 'mongo-java-server' | 'ferretdb';

/** `BENCH_ENGINES` (comma-separated) or both, the bench engine first. */
export function benchEngines(): Engine[] {
  const wanted = (process.env.BENCH_ENGINES ?? 'mongo-java-server,ferretdb')
    .split(',')
    .map((item) => item.trim());
  return (['mongo-java-server', 'ferretdb'] as const).filter((engine) => wanted.includes(engine));
}

const stackUrls: Record<string, string> = {};

/**
 * Points the service at one engine, on a fresh private database (prepareBenchEnvironment must have run).
 * mongo-java-server ignores partial index filters: the sparse `email` index is created there instead.
 */
export function useEngine(engine: Engine): void {
  process.env.MONGO_URL = engine === 'ferretdb' ? stackUrls.MONGO_URL : stackUrls.MONGO_BENCH_URL;
  process.env.MONGO_PARTIAL_INDEXES = engine === 'ferretdb' ? 'partial' : 'sparse';
  process.env.MONGO_DATABASE = `bench_test_${randomBytes(4).toString('hex')}`;
}

/**
 * One result row for the table of `bench/run.ts` (the convention of bench/README.md): printed on stdout as
 * `BENCH_ROW {json}`. `value`/`baseline` in `unit`; `ratio` = value / baseline; the goal applies to the ratio when
 * there is one, else to the value.
 */
export interface BenchRow {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  baseline?: number;
  baselineLabel?: string;
  ratio?: number;
  goal?: { op: '>=' | '<='; target: number };
  engine: Engine | 'none';
  note?: string;
}

export function reportRow(row: BenchRow): void {
  const goal = row.goal;
  const measured = row.ratio ?? row.value;
  const met = goal ? (goal.op === '>=' ? measured >= goal.target : measured <= goal.target) : undefined;
  process.stdout.write(`BENCH_ROW ${JSON.stringify({ ...row, met })}\n`);
}

/** Resident set size and its high-water mark of a process, in MB (from /proc/<pid>/status). */
export function memoryOf(pid: number | 'self' = 'self'): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/** CPU time (user + system) a process used so far, in ms (from /proc/<pid>/stat). */
export function cpuMsOf(pid: number | 'self' = 'self'): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** The machine's load averages, to print beside figures measured on a shared machine. */
export const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** Brings the stack (and the bench engine) up and sets the environment a service needs, on a private database. */
export function prepareBenchEnvironment(overrides: Record<string, string | undefined> = {}): void {
  const script = join(ROOT, 'scripts', 'stack.sh');
  execFileSync('bash', [script, 'up'], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('bash', [script, 'up', 'mongobench'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const output = execFileSync('bash', [script, 'env'], { encoding: 'utf8' });
  for (const line of output.split('\n')) {
    const match = /^export ([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) process.env[match[1]!] = stackUrls[match[1]!] = match[2]!.replace(/^'(.*)'$/, '$1');
  }
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    MONGO_DATABASE: `bench_test_${randomBytes(4).toString('hex')}`,
    ...TEST_SERVICE_SETTINGS,
    MAIL_SENDER: 'no-reply@twake.test',
    WEBADMIN_ENABLED: 'false',
  });
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

/** Runs the load generator in its own process against `url`. */
export function load(
  url: string,
  options: {
    durationMs: number;
    connections: number;
    method?: string;
    headers?: Record<string, string>;
    /** Request body sent with every request. */
    body?: string;
  },
): Promise<LoadResult> {
  const args = [
    join(__dirname, 'load.mjs'),
    url,
    String(options.durationMs),
    String(options.connections),
    options.method ?? 'GET',
    ...Object.entries(options.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
  ];
  return new Promise((resolve, reject) => {
    const env = { ...process.env, LOAD_BODY: options.body ?? '' };
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(output) as LoadResult)
        : reject(new Error(`load generator exited with ${code}`)),
    );
  });
}

export const format = (value: number, digits = 1) => value.toFixed(digits);

/**
 * With BENCH_PROFILE=1: a CPU profile of this process while `run` runs, written to
 * `.bench-logs/<name>.cpuprofile` (open it in Chrome DevTools), and its top self-time functions printed.
 */
export async function profiled<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (process.env.BENCH_PROFILE !== '1') return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    const dir = join(ROOT, '.bench-logs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    console.log(`  CPU profile: .bench-logs/${name}.cpuprofile; top self time:`);
    for (const line of topSelfTime(profile)) console.log(`    ${line}`);
  }
}

/** Prints the top self-time functions of `.bench-logs/<name>.cpuprofile` (a profile written by another process). */
export function printProfile(name: string, count = 25): void {
  const profile = JSON.parse(
    readFileSync(join(ROOT, '.bench-logs', `${name}.cpuprofile`), 'utf8'),
  ) as CpuProfile;
  console.log(`  CPU profile of the service: .bench-logs/${name}.cpuprofile; top self time:`);
  for (const line of topSelfTime(profile, count)) console.log(`    ${line}`);
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

function topSelfTime(profile: CpuProfile, count = 15): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  let all = 0;
  (profile.samples ?? []).forEach((id, index) => {
    const delta = profile.timeDeltas?.[index] ?? 0;
    all += delta;
    const frame = byId.get(id)!.callFrame;
    const where = frame.url.replace(/.*node_modules\//, '').replace(ROOT + '/', '');
    const key = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + delta);
  });
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([key, micros]) =>
        `${(micros / 1000).toFixed(0).padStart(6)} ms ${((100 * micros) / all).toFixed(1).padStart(5)}%  ${key}`,
    );
}
