/**
 * Runs every benchmark (`bench/*.bench.ts`, one process each, one after the other) and prints one table of the
 * rows they report (`BENCH_ROW {json}` lines on stdout, see bench/README.md): figure, baseline, ratio, goal,
 * met/missed, engine. Each benchmark's whole output goes to `.bench-logs/<name>.log`.
 *
 *   npx ts-node -T bench/run.ts [name...]       (names without `.bench.ts`: only those; none: all)
 *
 * BENCH_QUICK=1 (the default here) asks each benchmark for its short variant; BENCH_QUICK=0 for the full one.
 * BENCH_ENGINES=mongo-java-server (or ferretdb) limits the engines.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './support/bench-env';

type Row = BenchRow & { met?: boolean };

const ROOT = join(__dirname, '..');
const LOGS = join(ROOT, '.bench-logs');

function runOne(file: string): Promise<{ rows: Row[]; code: number | null; seconds: number }> {
  const name = file.replace(/\.bench\.ts$/, '');
  const log = createWriteStream(join(LOGS, `${name}.log`));
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join('bench', file),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, BENCH_QUICK: process.env.BENCH_QUICK ?? '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const rows: Row[] = [];
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    log.write(chunk);
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('BENCH_ROW ')) rows.push(JSON.parse(line.slice('BENCH_ROW '.length)) as Row);
      else process.stdout.write(`  [${name}] ${line}\n`);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => log.write(chunk));
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      log.end();
      resolve({ rows, code, seconds: (Date.now() - started) / 1000 });
    }),
  );
}

const number = (value: number | undefined, unit = '') =>
  value === undefined
    ? ''
    : `${value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(3)}${unit}`;

function table(rows: Row[]): string {
  const header = ['bench', 'figure', 'value', 'baseline', 'ratio', 'goal', 'result', 'engine'];
  const body = rows.map((row) => [
    row.bench,
    row.figure,
    number(row.value, ` ${row.unit}`),
    row.baseline === undefined
      ? ''
      : `${number(row.baseline, ` ${row.unit}`)} (${row.baselineLabel ?? 'baseline'})`,
    number(row.ratio),
    row.goal ? `${row.ratio === undefined ? 'value' : 'ratio'} ${row.goal.op} ${row.goal.target}` : '',
    row.met === undefined ? '' : row.met ? 'met' : 'MISSED',
    row.engine,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => cells[column]!.length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(join(ROOT, 'bench'))
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => only.length === 0 || only.includes(file.replace(/\.bench\.ts$/, '')))
    .sort();
  mkdirSync(LOGS, { recursive: true });
  const rows: Row[] = [];
  const failures: string[] = [];
  for (const file of files) {
    process.stdout.write(`== ${file} (load ${readFileSync('/proc/loadavg', 'utf8').trim()})\n`);
    const result = await runOne(file);
    rows.push(...result.rows);
    process.stdout.write(
      `   ${file}: exit ${result.code}, ${result.rows.length} rows, ${result.seconds.toFixed(0)} s\n`,
    );
    if (result.code !== 0) failures.push(`${file} (exit ${result.code}, see .bench-logs/)`);
    if (result.code === 0 && result.rows.length === 0) failures.push(`${file} (no BENCH_ROW line)`);
  }
  process.stdout.write(`\n${table(rows)}\n`);
  const missed = rows.filter((row) => row.met === false).length;
  process.stdout.write(
    `\n${rows.length} rows, ${rows.filter((row) => row.met).length} goals met, ${missed} missed` +
      `${failures.length ? `; failed: ${failures.join(', ')}` : ''}\n`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
