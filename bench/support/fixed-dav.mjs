// A DAV stand-in answering every request at once with the same small event (201 to PUTs, keep-alive), in its own
// process, to isolate the cost of the proxy (or of an import) from that of a real DAV server. Usage: node fixed-dav.mjs; prints its port.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import process from 'node:process';

const event =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nBEGIN:VEVENT\r\nUID:fixed\r\nDTSTAMP:20260101T000000Z\r\n' +
  'DTSTART:20260101T100000Z\r\nDURATION:PT1H\r\nSUMMARY:Fixed event\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
const body = Buffer.from(event);
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(req.method === 'PUT' ? 201 : 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-length': body.length,
      etag: '"1"',
    });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
