// WebSocket clients of bench/websocket.bench.ts, in their own process (their memory and CPU are not the server's).
// Parent → child (IPC): {open: {urls, register}} → 'opened'; {collect: true} → {received: {token: [epoch ms…]}}.
import WebSocket from 'ws';
import { performance } from 'node:perf_hooks';

const now = () => performance.timeOrigin + performance.now();
const sockets = [];
const received = {};

async function openAll(urls, register, concurrency = 100) {
  let next = 0;
  const openOne = (url) =>
    new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { perMessageDeflate: false });
      let phase = 0;
      socket.on('message', (data) => {
        const text = data.toString();
        if (phase === 0 && text === '{"calendarListRegistered":true}') {
          phase = 1;
          socket.send(JSON.stringify({ register: [register] }));
          return;
        }
        if (phase === 1 && text.startsWith('{"registered"')) {
          phase = 2;
          return resolve(socket);
        }
        const frame = JSON.parse(text);
        const token = frame[register]?.syncToken;
        if (token !== undefined) (received[token] ??= []).push(now());
      });
      socket.once('error', reject);
      socket.once('unexpected-response', (_, response) =>
        reject(new Error(`upgrade ${response.statusCode}`)),
      );
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < urls.length) sockets.push(await openOne(urls[next++]));
    }),
  );
}

process.on('message', async (message) => {
  try {
    if (message.open) {
      await openAll(message.open.urls, message.open.register);
      process.send({ opened: sockets.length });
    } else if (message.collect) {
      process.send({ received });
      for (const key of Object.keys(received)) delete received[key];
    } else if (message.close) {
      for (const socket of sockets) socket.terminate();
      process.exit(0);
    }
  } catch (error) {
    process.send({ error: String(error) });
  }
});
