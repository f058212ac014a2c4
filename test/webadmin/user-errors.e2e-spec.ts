import { TestService, startTestService } from '../support/service-apps';

/** Every "unknown user" and "already registered" answer of the webadmin user routes (webadmin.md §1.3, §5, §6.2). */
describe('webadmin user routes: unknown users and duplicates', () => {
  let service: TestService;
  const ABSENT_ID = '65f0c1a2b3c4d5e6f7a8b9c0';
  const error = (statusCode: number, type: string, message: string) =>
    expect.objectContaining({ statusCode, type, message });

  beforeAll(async () => {
    service = await startTestService({ DOMAINS: 'errors.test,other.test' });
    await service
      .admin()
      .post('/registeredUsers')
      .send({ email: 'ann@errors.test', firstname: 'Ann', lastname: 'A' })
      .expect(201);
    await service
      .admin()
      .post('/registeredUsers')
      .send({ email: 'ben@errors.test', firstname: 'Ben', lastname: 'B' })
      .expect(201);
  });
  afterAll(() => service.close());

  it.each([
    ['GET', '/registeredUsers?email=nobody@errors.test', 'User does not exist'],
    ['DELETE', '/registeredUsers?email=nobody@errors.test', 'User does not exist'],
    ['GET', '/domains/errors.test/registeredUsers?email=nobody@errors.test', 'User does not exist'],
    ['DELETE', '/domains/errors.test/registeredUsers?email=nobody@errors.test', 'User does not exist'],
    ['GET', '/domains/other.test/registeredUsers?email=ann@errors.test', 'User does not exist'],
    ['PUT', '/domains/errors.test/admins/nobody@errors.test', 'Admin username not found: nobody@errors.test'],
    [
      'DELETE',
      '/domains/errors.test/admins/nobody@errors.test',
      'Admin username not found: nobody@errors.test',
    ],
  ])('%s %s → 404 notFound', async (method, path, message) => {
    const response = await service
      .admin()
      [method.toLowerCase() as 'get' | 'delete' | 'put'](path)
      .expect(404);
    expect(response.body).toEqual(error(404, 'notFound', message));
  });

  it.each([
    ['/registeredUsers', `/registeredUsers?id=${ABSENT_ID}`],
    ['/domains/errors.test/registeredUsers', `/domains/errors.test/registeredUsers?id=${ABSENT_ID}`],
  ])('PATCH %s of an unknown id → 404 notFound', async (_label, path) => {
    const response = await service
      .admin()
      .patch(path)
      .send({ email: 'new@errors.test', firstname: 'N', lastname: 'N' })
      .expect(404);
    expect(response.body).toEqual(error(404, 'notFound', `User with id ${ABSENT_ID} not found`));
  });

  it.each(['/registeredUsers', '/domains/errors.test/registeredUsers'])(
    'POST %s of a registered address → 409 WrongState "<email> already exists"',
    async (path) => {
      for (const email of ['ann@errors.test', 'ANN@Errors.Test']) {
        const response = await service
          .admin()
          .post(path)
          .send({ email, firstname: 'Again', lastname: 'A' })
          .expect(409);
        expect(response.body).toEqual(error(409, 'WrongState', 'ann@errors.test already exists'));
      }
    },
  );

  it('PATCH to an address another user holds → 409 WrongState', async () => {
    const ben = await service.admin().get('/registeredUsers?email=ben@errors.test').expect(200);
    const response = await service
      .admin()
      .patch(`/registeredUsers?id=${ben.body.id}`)
      .send({ email: 'ann@errors.test', firstname: 'Ben', lastname: 'B' })
      .expect(409);
    expect(response.body).toEqual(error(409, 'WrongState', 'ann@errors.test already exists'));
  });

  it('directory users: HEAD of an unknown user → 404, PUT of a known one → 409 WrongState', async () => {
    await service.admin().head('/users/nobody@errors.test').expect(404);
    const put = await service.admin().put('/users/alice@twake.test').send({ password: 'x' }).expect(409);
    expect(put.body).toEqual(expect.objectContaining({ statusCode: 409, type: 'WrongState' }));
  });

  it('POST for an unknown domain → 404 InvalidArgument', async () => {
    const response = await service
      .admin()
      .post('/registeredUsers')
      .send({ email: 'x@unknown.test', firstname: 'X', lastname: 'X' })
      .expect(404);
    expect(response.body).toEqual(expect.objectContaining({ statusCode: 404, type: 'InvalidArgument' }));
  });
});
