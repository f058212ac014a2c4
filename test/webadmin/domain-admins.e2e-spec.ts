import { ObjectId } from 'mongodb';
import { TestService, startTestService } from '../support/service-apps';

describe('webadmin /domains/{domain}/admins', () => {
  let service: TestService;
  const domains = () => service.database.db.collection('domains');

  beforeAll(async () => {
    service = await startTestService({ DOMAINS: 'admins.test,other.test' });
    for (const email of ['Zoe@admins.test', 'adam@admins.test', 'gone@admins.test'])
      await service
        .admin()
        .post('/registeredUsers')
        .send({ email, firstname: 'F', lastname: 'L' })
        .expect(201);
  });
  afterAll(() => service.close());

  it('adds administrators once, in the OpenPaaS layout, and lists them sorted', async () => {
    await service.admin().put('/domains/admins.test/admins/zoe@admins.test').expect(204);
    await service.admin().put('/domains/admins.test/admins/ADAM@admins.test').expect(204);
    await service.admin().put('/domains/admins.test/admins/adam@admins.test').expect(204);
    const document = await domains().findOne({ name: 'admins.test' });
    expect(document!.administrators).toHaveLength(2);
    expect(document!.administrators[0]).toEqual({
      user_id: expect.any(ObjectId),
      timestamps: { creation: expect.any(Date) },
    });
    await service
      .admin()
      .get('/domains/admins.test/admins')
      .expect(200, ['adam@admins.test', 'zoe@admins.test']);
  });

  it('skips administrators whose user no longer exists', async () => {
    await service.admin().put('/domains/admins.test/admins/gone@admins.test').expect(204);
    await service.admin().delete('/registeredUsers').query({ email: 'gone@admins.test' }).expect(204);
    const list = await service.admin().get('/domains/admins.test/admins').expect(200);
    expect(list.body).not.toContain('gone@admins.test');
  });

  it('revokes idempotently', async () => {
    await service.admin().delete('/domains/admins.test/admins/zoe@admins.test').expect(204);
    await service.admin().delete('/domains/admins.test/admins/zoe@admins.test').expect(204);
    const list = await service.admin().get('/domains/admins.test/admins').expect(200);
    expect(list.body).not.toContain('zoe@admins.test');
  });

  it('answers 400 and 404 as the spec says', async () => {
    await service.admin().get('/domains/bad..d/admins').expect(400);
    const unknownDomain = await service.admin().get('/domains/nowhere.test/admins').expect(404);
    expect(unknownDomain.body.message).toBe('Domain not found: nowhere.test');
    const unknownUser = await service
      .admin()
      .put('/domains/admins.test/admins/ghost@admins.test')
      .expect(404);
    expect(unknownUser.body.message).toBe('Admin username not found: ghost@admins.test');
    await service.admin().put('/domains/admins.test/admins/not-an-email').expect(400);
  });
});
