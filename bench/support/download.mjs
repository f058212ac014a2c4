// Downloads a URL in its own process, counting bytes and VEVENTs without keeping the body.
// Usage: node download.mjs <url>. Prints one JSON line: {"status", "bytes", "events", "ms"}.
import { request } from 'undici';
import process from 'node:process';

const started = process.hrtime.bigint();
const response = await request(process.argv[2], { bodyTimeout: 600_000, headersTimeout: 600_000 });
let bytes = 0;
let events = 0;
let tail = '';
for await (const chunk of response.body) {
  bytes += chunk.length;
  const text = tail + chunk.toString('latin1');
  events += text.split('BEGIN:VEVENT').length - 1;
  tail = text.slice(-11);
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(`${JSON.stringify({ status: response.statusCode, bytes, events, ms })}\n`);
