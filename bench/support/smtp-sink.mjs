// An SMTP server that accepts everything at once, in its own process so that it does not share the event loop of
// the service under test. Written on `net` rather than with smtp-server: that one waits 100 ms before its greeting
// (early-talker detection, not configurable), which capped both the pipeline and the raw-SMTP baseline at the same
// ~160 mails/s and made their ratio measure the sleep. Here the greeting is immediate; the commands a client sends
// (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; pipelined or not) are answered in order.
// Forked with IPC; prints nothing. Messages from the parent:
//   {type: 'stats'}             -> {type: 'stats', accepted, firstAt, lastAt}
//   {type: 'reset', keep: bool} -> counters cleared; with keep, raw messages are kept for {type: 'dump'}
//   {type: 'dump'}              -> {type: 'dump', mails: [{from, to, raw (base64)}]}
import { Buffer } from 'node:buffer';
import { createServer } from 'node:net';
import process from 'node:process';

let accepted = 0;
let firstAt = 0;
let lastAt = 0;
let keep = false;
let kept = [];

const END_OF_DATA = Buffer.from('\r\n.\r\n');
const address = (line) => /<([^>]*)>/.exec(line)?.[1] ?? '';

const server = createServer((socket) => {
  socket.setNoDelay(true);
  let pending = Buffer.alloc(0);
  let inData = false;
  let from = '';
  let to = [];
  socket.write('220 sink ESMTP ready\r\n');

  const finishMessage = (body) => {
    const now = Date.now();
    if (accepted === 0) firstAt = now;
    accepted++;
    lastAt = now;
    if (keep) {
      const raw = body
        .toString('latin1')
        .replace(/\r\n\.\./g, '\r\n.')
        .replace(/^\.\./, '.');
      kept.push({ from, to, raw: Buffer.from(raw, 'latin1').toString('base64') });
    }
    from = '';
    to = [];
  };

  const command = (line) => {
    const verb = line.slice(0, 4).toUpperCase();
    switch (verb) {
      case 'EHLO':
        return '250-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 52428800\r\n';
      case 'HELO':
        return '250 sink\r\n';
      case 'MAIL':
        from = address(line);
        to = [];
        return '250 OK\r\n';
      case 'RCPT':
        to.push(address(line));
        return '250 OK\r\n';
      case 'DATA':
        inData = true;
        return '354 End data with <CR><LF>.<CR><LF>\r\n';
      case 'RSET':
        from = '';
        to = [];
        return '250 OK\r\n';
      case 'QUIT':
        socket.end('221 Bye\r\n');
        return '';
      default:
        return '250 OK\r\n';
    }
  };

  socket.on('data', (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let answer = '';
    for (;;) {
      if (inData) {
        // the terminator may follow the DATA line directly (an empty message): look from the CRLF before it
        const searchable = Buffer.concat([Buffer.from('\r\n'), pending]);
        const end = searchable.indexOf(END_OF_DATA);
        if (end < 0) break;
        finishMessage(searchable.subarray(2, Math.max(2, end + 2)));
        pending = searchable.subarray(end + END_OF_DATA.length);
        inData = false;
        answer += '250 OK queued\r\n';
        continue;
      }
      const eol = pending.indexOf('\r\n');
      if (eol < 0) break;
      const line = pending.subarray(0, eol).toString('utf8');
      pending = pending.subarray(eol + 2);
      answer += command(line);
    }
    if (answer && !socket.writableEnded) socket.write(answer);
  });
  socket.on('error', () => undefined);
});

process.on('message', (message) => {
  if (message.type === 'stats') process.send({ type: 'stats', accepted, firstAt, lastAt });
  if (message.type === 'reset') {
    accepted = 0;
    firstAt = 0;
    lastAt = 0;
    keep = Boolean(message.keep);
    kept = [];
    process.send({ type: 'reset' });
  }
  if (message.type === 'dump') process.send({ type: 'dump', mails: kept });
});
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.address().port }));
