import { gzipSync } from 'node:zlib';
import { request as httpRequest, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { TestService, startTestService } from '../support/service-apps';

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
const ADMIN = basic('admin@twake.test', 'admin-secret');

async function send(
  server: Server,
  method: string,
  path: string,
  options: { headers: Record<string, string>; body: Buffer },
): Promise<{ status: number; body: string }> {
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { ...options.headers, 'content-length': options.body.length },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * The one body parser and the one error mapper of both servers (rest-api.md §3.1, webadmin.md §1.3): whatever a
 * client sends, the answer is the documented JSON error, never a 500 or an empty body.
 */
describe('HTTP edge: body parsing and error bodies', () => {
  let service: TestService;
  const api = () => request(service.api.getHttpServer());

  beforeAll(async () => {
    service = await startTestService({ DOMAINS: 'twake.test', BASIC_AUTH_ENABLED: 'true' });
  });
  afterAll(() => service.close());

  const restError = (code: number, type: string, message: string, details: string | null) => ({
    error: { code, type, message, details },
  });

  describe('REST API', () => {
    const patch = () =>
      api().patch('/api/configurations').set('Authorization', ADMIN).set('Content-Type', 'application/json');

    it('answers 415 with the JSON error body to an unknown charset', async () => {
      const response = await patch()
        .set('Content-Type', 'application/json; charset=klingon')
        .send('[]')
        .expect(415);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toEqual(
        restError(415, 'ServerError', 'Unsupported Media Type', 'Unsupported charset "KLINGON"'),
      );
    });

    it('answers 415 to an unknown Content-Encoding and 400 to gzip that is not gzip', async () => {
      const unknown = await patch().set('Content-Encoding', 'br2').send('[]').expect(415);
      expect(unknown.body).toEqual(
        restError(415, 'ServerError', 'Unsupported Media Type', 'Unsupported content encoding "br2"'),
      );
      const broken = await patch().set('Content-Encoding', 'gzip').send('[1, 2, 3]').expect(400);
      expect(broken.body).toEqual(
        // Read before any route ran: the global handler's reason phrase.
        restError(400, 'BadRequest', 'Bad request', 'The request body is not valid gzip data'),
      );
    });

    it('reads gzip bodies that are gzip', async () => {
      // supertest re-encodes a Buffer body sent with Content-Encoding: the bytes go out on a plain socket.
      const answer = await send(service.api.getHttpServer(), 'POST', '/api/people/search', {
        headers: { authorization: ADMIN, 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(JSON.stringify({ q: 'nobody', limit: 3 })),
      });
      expect(answer).toEqual({ status: 200, body: '[]' });
    });

    it('answers invalid JSON with the route’s own detail (configurations: Invalid request body)', async () => {
      const response = await patch().send('{"oops').expect(400);
      expect(response.body).toEqual(restError(400, 'BadRequest', 'Bad Request', 'Invalid request body'));
    });

    it('answers invalid JSON on a DTO route with the DTO’s detail, without the parser’s words', async () => {
      const response = await api()
        .post('/api/people/search')
        .set('Authorization', ADMIN)
        .set('Content-Type', 'application/json')
        .send('{"limit": 1,')
        .expect(400);
      expect(response.body).toEqual(restError(400, 'BadRequest', 'Bad Request', 'Invalid JSON body'));
    });

    it('answers 413 with the JSON error body to a body over the limit', async () => {
      const response = await patch()
        .send(`["${'x'.repeat(1024 * 1024 + 10)}"]`)
        .expect(413);
      expect(response.body).toEqual(
        restError(413, 'ServerError', 'Payload Too Large', 'The request body is too large'),
      );
    });
  });

  describe('webadmin', () => {
    const post = () => service.admin().post('/registeredUsers').set('Content-Type', 'application/json');
    const webadminError = (statusCode: number, type: string, message: string, details: string | null) => ({
      statusCode,
      type,
      message,
      details,
    });

    it('answers 415 to an unknown charset or Content-Encoding, 400 to broken gzip', async () => {
      const charset = await post()
        .set('Content-Type', 'application/json; charset=klingon')
        .send('{}')
        .expect(415);
      expect(charset.body).toEqual(
        webadminError(415, 'InvalidArgument', 'Unsupported Media Type', 'Unsupported charset "KLINGON"'),
      );
      const encoding = await post().set('Content-Encoding', 'br2').send('{}').expect(415);
      expect(encoding.body).toEqual(
        webadminError(415, 'InvalidArgument', 'Unsupported Media Type', 'Unsupported content encoding "br2"'),
      );
      const broken = await post().set('Content-Encoding', 'gzip').send('{"a":1}').expect(400);
      expect(broken.body).toEqual(
        webadminError(
          400,
          'InvalidArgument',
          'JSON payload of the request is not valid',
          'The request body is not valid gzip data',
        ),
      );
    });

    it('answers 400 to a scalar query parameter given twice, keeps repeatable ones', async () => {
      const named = await service
        .admin()
        .get('/registeredUsers?email=a@twake.test&email=b@twake.test')
        .expect(400);
      expect(named.body).toEqual(
        webadminError(
          400,
          'InvalidArgument',
          'Invalid arguments supplied in the user request',
          "Query parameter 'email' must be given once",
        ),
      );
      const record = await service.admin().get('/tasks?status=failed&status=completed').expect(400);
      expect(record.body.details).toBe("Query parameter 'status' must be given once");
      await service.admin().get('/metrics?name[]=a&name[]=b').expect(200);
      await service
        .admin()
        .get('/healthcheck?check=MongoDB&check=Redis')
        .expect((response) => {
          expect([200, 503]).toContain(response.status);
        });
    });

    it('answers invalid JSON with the strict parser’s message, without the parser’s words', async () => {
      const response = await post().send('{"email":').expect(400);
      expect(response.body).toEqual(
        webadminError(
          400,
          'InvalidArgument',
          'JSON payload of the request is not valid',
          'Expecting a JSON object',
        ),
      );
    });
  });
});
