// Closed-loop HTTP load generator, run in its own process so that it does not share the event loop of the
// server under test. Usage: node load.mjs <url> <durationMs> <connections> [method] [headerName: value]...
// Prints one JSON line: {"requests", "errors", "rps", "p50Ms", "p99Ms"}. LOAD_BODY (optional): request body.
import { Pool } from 'undici';
import process from 'node:process';
import { URL } from 'node:url';

const [url, durationArg, connectionsArg, method = 'GET', ...headerArgs] = process.argv.slice(2);
const durationMs = Number(durationArg);
const connections = Number(connectionsArg);
const headers = Object.fromEntries(
  headerArgs.map((item) => [item.slice(0, item.indexOf(':')), item.slice(item.indexOf(':') + 1).trim()]),
);
const target = new URL(url);
const body = process.env.LOAD_BODY ? process.env.LOAD_BODY : undefined;
const pool = new Pool(target.origin, { connections, pipelining: 1 });
const latencies = [];
let errors = 0;
const deadline = Date.now() + durationMs;

async function worker() {
  while (Date.now() < deadline) {
    const start = process.hrtime.bigint();
    try {
      const response = await pool.request({ path: target.pathname + target.search, method, headers, body });
      await response.body.dump();
      if (response.statusCode >= 400) errors++;
    } catch {
      errors++;
    }
    latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}

const started = Date.now();
await Promise.all(Array.from({ length: connections }, worker));
const elapsed = (Date.now() - started) / 1000;
await pool.close();
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
process.stdout.write(
  `${JSON.stringify({ requests: latencies.length, errors, rps: latencies.length / elapsed, p50Ms: at(0.5), p99Ms: at(0.99) })}\n`,
);
