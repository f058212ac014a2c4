import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
export const STACK_ENV_FILE = join(root, '.stack', 'test-env.json');

/**
 * Makes sure the real services are up (the idempotent stack script) and records their addresses for the test
 * files. `STACK_SKIP=1` uses the addresses already in the environment instead.
 */
export default function globalSetup(): void {
  const script = join(root, 'scripts', 'stack.sh');
  if (process.env.STACK_SKIP !== '1') {
    execFileSync('bash', [script, 'up'], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 25 * 60_000 });
  }
  const output = execFileSync('bash', [script, 'env'], { encoding: 'utf8' });
  const env: Record<string, string> = {};
  for (const line of output.split('\n')) {
    const match = /^export ([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) env[match[1]!] = match[2]!.replace(/^'(.*)'$/, '$1');
  }
  mkdirSync(join(root, '.stack'), { recursive: true });
  writeFileSync(STACK_ENV_FILE, JSON.stringify(env, null, 2));
}
