import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_SERVICE_SETTINGS } from '../../libs/testing/src/service-settings';

/**
 * Runs before each test file: the stack's addresses, a private database name (it must contain "test") and the
 * settings every boot requires. Files may override any variable before they build an application.
 */
const stackEnvFile = join(__dirname, '..', '..', '.stack', 'test-env.json');
const stack: Record<string, string> = existsSync(stackEnvFile)
  ? JSON.parse(readFileSync(stackEnvFile, 'utf8'))
  : {};

const database = `test_${randomBytes(6).toString('hex')}`;
if (!database.includes('test')) throw new Error('test databases must contain "test" in their name');

Object.assign(process.env, {
  NODE_ENV: 'test',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  ...stack,
  // The second run of the integration suites (./scripts/test.sh) points at the benchmark engine.
  ...(process.env.TEST_MONGO_URL ? { MONGO_URL: process.env.TEST_MONGO_URL } : {}),
  MONGO_DATABASE: database,
  ...TEST_SERVICE_SETTINGS,
  REST_API_PORT: '0',
  WEBADMIN_PORT: '0',
  HEALTHCHECK_PERIOD: '1h',
  // Every test client is 127.0.0.1 and the Redis server is shared: the brute-force limiter is off unless a test
  // turns it on (test/auth/login-throttle.e2e-spec.ts).
  LOGIN_THROTTLE_ACCOUNT_MAX_FAILURES: '0',
  LOGIN_THROTTLE_ADDRESS_MAX_FAILURES: '0',
});
