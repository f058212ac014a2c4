import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { TEST_SERVICE_SETTINGS } from '@app/testing';

export const ROOT = join(__dirname, '..', '..');

/** Brings the stack up and sets the environment a service needs, on a private database. */
export function prepareBenchEnvironment(overrides: Record<string, string | undefined> = {}): void {
  const script = join(ROOT, 'scripts', 'stack.sh');
  execFileSync('bash', [script, 'up'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const output = execFileSync('bash', [script, 'env'], { encoding: 'utf8' });
  for (const line of output.split('\n')) {
    const match = /^export ([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) process.env[match[1]!] = match[2]!.replace(/^'(.*)'$/, '$1');
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
