import { ObjectId } from 'mongodb';
import { TestService, startTestService } from '../support/service-apps';

describe('webadmin /domains', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ DOMAINS: 'boot.test, Second.Test' });
  });
  afterAll(() => service.close());

  it('creates the configured domains at start-up, lower-cased', async () => {
    const response = await service.admin().get('/domains').expect(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.body).toEqual(expect.arrayContaining(['boot.test', 'second.test']));
  });

  it('creates a domain in the OpenPaaS format and answers 204', async () => {
    await service.admin().put('/domains/Example.Test').expect(204);
    const document = await service.database.db.collection('domains').findOne({ name: 'example.test' });
    expect(document).toMatchObject({
      name: 'example.test',
      company_name: 'example.test',
      hostnames: [],
      administrators: [],
      timestamp: { creation: expect.any(Date) },
    });
    expect(document!._id).toBeInstanceOf(ObjectId);
    await service.admin().get('/domains/example.test').expect(204);
  });

  it('is idempotent: a second PUT keeps the same document', async () => {
    await service.admin().put('/domains/twice.test').expect(204);
    const first = await service.database.db.collection('domains').findOne({ name: 'twice.test' });
    await service.admin().put('/domains/twice.test').expect(204);
    const all = await service.database.db.collection('domains').find({ name: 'twice.test' }).toArray();
    expect(all).toHaveLength(1);
    expect(all[0]!._id.equals(first!._id)).toBe(true);
  });

  it('answers 404 in the error format for an unknown domain', async () => {
    const response = await service.admin().get('/domains/unknown.test').expect(404);
    expect(response.body).toEqual({
      statusCode: 404,
      type: 'notFound',
      message: 'The domain list does not contain: unknown.test',
      details: null,
    });
  });

  it.each(['bad..domain', 'sp ace.test', '-', 'a'.repeat(254)])(
    'rejects the invalid name %p with 400',
    async (name) => {
      const response = await service
        .admin()
        .put(`/domains/${encodeURIComponent(name)}`)
        .expect(400);
      expect(response.body).toMatchObject({
        statusCode: 400,
        type: 'InvalidArgument',
        message: `Invalid domain: ${name}`,
      });
    },
  );

  it('refuses domain deletion with 405', async () => {
    const response = await service.admin().delete('/domains/boot.test').expect(405);
    expect(response.body).toMatchObject({ statusCode: 405, type: 'InvalidArgument' });
    await service.admin().get('/domains/boot.test').expect(204);
  });

  it('answers unknown routes with 404 notFound', async () => {
    const response = await service.admin().post('/nothing/here').expect(404);
    expect(response.body).toEqual({
      statusCode: 404,
      type: 'notFound',
      message: 'POST /nothing/here can not be found',
      details: null,
    });
  });
});
