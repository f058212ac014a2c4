import { TestService, startTestService } from '../support/service-apps';

describe('webadmin /domains/{domain}/registeredUsers', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ DOMAINS: 'alpha.test,beta.test' });
    for (const [email, firstname] of [
      ['a1@alpha.test', 'Anna'],
      ['a2@alpha.test', 'Arno'],
      ['b1@beta.test', 'Bea'],
    ]) {
      await service.admin().post('/registeredUsers').send({ email, firstname, lastname: 'X' }).expect(201);
    }
  });
  afterAll(() => service.close());

  it('lists only the users of the domain', async () => {
    const response = await service.admin().get('/domains/alpha.test/registeredUsers').expect(200);
    expect(response.body.map((user: { email: string }) => user.email).sort()).toEqual([
      'a1@alpha.test',
      'a2@alpha.test',
    ]);
  });

  it('does not show a user of another domain', async () => {
    await service
      .admin()
      .get('/domains/alpha.test/registeredUsers')
      .query({ email: 'b1@beta.test' })
      .expect(404);
    await service
      .admin()
      .head('/domains/alpha.test/registeredUsers')
      .query({ email: 'b1@beta.test' })
      .expect(404);
    await service
      .admin()
      .head('/domains/beta.test/registeredUsers')
      .query({ email: 'b1@beta.test' })
      .expect(200);
    await service
      .admin()
      .delete('/domains/alpha.test/registeredUsers')
      .query({ email: 'b1@beta.test' })
      .expect(404);
    await service.admin().get('/registeredUsers').query({ email: 'b1@beta.test' }).expect(200);
  });

  it('requires the address to be in the URL domain', async () => {
    const response = await service
      .admin()
      .post('/domains/alpha.test/registeredUsers')
      .send({ email: 'x@beta.test', firstname: 'X', lastname: 'Y' })
      .expect(400);
    expect(response.body.message).toBe('Email domain must match URL domain: alpha.test');
    await service
      .admin()
      .post('/domains/alpha.test/registeredUsers')
      .send({ email: 'a3@alpha.test', firstname: 'A', lastname: 'Three' })
      .expect(201);
  });

  it('updates only a user of the domain', async () => {
    const b1 = (await service.admin().get('/registeredUsers').query({ email: 'b1@beta.test' })).body
      .id as string;
    const response = await service
      .admin()
      .patch('/domains/alpha.test/registeredUsers')
      .query({ id: b1 })
      .send({ email: 'b1@alpha.test', firstname: 'B', lastname: 'One' })
      .expect(404);
    expect(response.body.message).toBe(`User with id ${b1} not found`);
    await service
      .admin()
      .patch('/domains/beta.test/registeredUsers')
      .query({ id: b1 })
      .send({ email: 'b1@beta.test', firstname: 'Beatrix', lastname: 'One' })
      .expect(204);
    const after = await service.admin().get('/registeredUsers').query({ email: 'b1@beta.test' }).expect(200);
    expect(after.body.firstname).toBe('Beatrix');
  });

  it('answers 400 for an invalid domain and 404 for an unknown one', async () => {
    const invalid = await service.admin().get('/domains/bad..name/registeredUsers').expect(400);
    expect(invalid.body.message).toBe('Invalid domain: bad..name');
    const unknown = await service.admin().get('/domains/gamma.test/registeredUsers').expect(404);
    expect(unknown.body).toMatchObject({ type: 'notFound', message: 'Domain not found: gamma.test' });
  });
});
