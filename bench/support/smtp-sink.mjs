// An SMTP server that accepts everything, in its own process so that it does not share the event loop of the
// service under test. Forked with IPC; prints nothing. Messages from the parent:
//   {type: 'stats'}             -> {type: 'stats', accepted, firstAt, lastAt}
//   {type: 'reset', keep: bool} -> counters cleared; with keep, raw messages are kept for {type: 'dump'}
//   {type: 'dump'}              -> {type: 'dump', mails: [{from, to, raw (base64)}]}
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { SMTPServer } from 'smtp-server';

let accepted = 0;
let firstAt = 0;
let lastAt = 0;
let keep = false;
let kept = [];

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  disableReverseLookup: true,
  logger: false,
  size: 50 * 1024 * 1024,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => keep && chunks.push(chunk));
    stream.on('end', () => {
      const now = Date.now();
      if (accepted === 0) firstAt = now;
      accepted++;
      lastAt = now;
      if (keep)
        kept.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('base64'),
        });
      callback();
    });
  },
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

server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.server.address().port }));
