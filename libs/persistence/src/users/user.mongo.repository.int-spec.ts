import { Test } from '@nestjs/testing';
import { INestApplicationContext } from '@nestjs/common';
import { ObjectId } from 'mongodb';
import { AppConfigModule } from '@app/config';
import { TestDatabase } from '@app/testing';
import { DomainRepository } from '../domains/domain.repository';
import { PersistenceModule } from '../persistence.module';
import { UserAlreadyExistsError, UserNotFoundError } from './user.errors';
import { UserRepository } from './user.repository';

describe('UserMongoRepository (real MongoDB wire protocol)', () => {
  let context: INestApplicationContext;
  let database: TestDatabase;
  let users: UserRepository;
  let domainId: string;
  let otherDomainId: string;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(), PersistenceModule],
    }).compile();
    context = await module.init();
    database = await TestDatabase.open();
    users = context.get(UserRepository);
    domainId = (await context.get(DomainRepository).create('repo.test')).id;
    otherDomainId = (await context.get(DomainRepository).create('elsewhere.test')).id;
  });
  afterAll(async () => {
    await context.close();
    await database.drop();
    await database.close();
  });

  const collection = () => database.db.collection('users');

  it('creates the indexes of the storage contract at start-up', async () => {
    const indexes = await collection().indexes();
    const byKey = (key: object) => indexes.find((index) => JSON.stringify(index.key) === JSON.stringify(key));
    expect(byKey({ email: 1 })).toMatchObject({ unique: true });
    for (const key of [
      { firstname: 1 },
      { lastname: 1 },
      { firstnames: 1 },
      { 'domains.domain_id': 1 },
      { 'accounts.emails': 1 },
    ])
      expect(byKey(key)).toBeDefined();
  });

  it('inserts the OpenPaaS document and reads it back', async () => {
    const created = await users.create({
      email: 'ana@repo.test',
      firstname: ' Ana  Lucia ',
      lastname: 'Moreau',
      domainId,
    });
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      email: 'ana@repo.test',
      firstname: ' Ana  Lucia ',
      lastname: 'Moreau',
      domainId,
    });
    const raw = await collection().findOne({ _id: new ObjectId(created.id) });
    expect(raw).toMatchObject({
      firstnames: ['Ana', 'Lucia'],
      email: 'ana@repo.test',
      domains: [{ domain_id: new ObjectId(domainId) }],
      accounts: [{ type: 'email', emails: ['ana@repo.test'] }],
    });
    expect(await users.findById(created.id)).toEqual(created);
    expect(await users.findByEmail('ANA@repo.test')).toEqual(created);
  });

  it('refuses a second user with the same address, even under concurrent creation', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        users.create({ email: 'race@repo.test', firstname: 'R', lastname: 'C', domainId }),
      ),
    );
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    for (const failure of attempts.filter((attempt) => attempt.status === 'rejected'))
      expect((failure as PromiseRejectedResult).reason).toBeInstanceOf(UserAlreadyExistsError);
    expect(await collection().countDocuments({ email: 'race@repo.test' })).toBe(1);
  });

  it('reads legacy documents without the email field, from accounts then preferredEmail then emails', async () => {
    const viaAccounts = await collection().insertOne({
      firstname: 'Leg',
      lastname: 'Acy',
      domains: [{ domain_id: new ObjectId(domainId) }],
      accounts: [
        { type: 'oauth', data: {} },
        { type: 'email', hosted: true, preferredEmailIndex: 0, emails: ['legacy@repo.test'] },
      ],
      login: { failures: [] },
    });
    const viaPreferred = await collection().insertOne({
      firstname: 'P',
      preferredEmail: 'preferred@repo.test',
    });
    expect(await users.findByEmail('legacy@repo.test')).toEqual({
      id: viaAccounts.insertedId.toHexString(),
      email: 'legacy@repo.test',
      firstname: 'Leg',
      lastname: 'Acy',
      domainId,
    });
    expect((await users.findById(viaPreferred.insertedId.toHexString()))!).toMatchObject({
      email: 'preferred@repo.test',
      lastname: '',
    });
    await expect(
      users.create({ email: 'legacy@repo.test', firstname: 'N', lastname: 'N', domainId }),
    ).rejects.toBeInstanceOf(UserAlreadyExistsError);
  });

  it('updates with $set only, keeping fields it does not own', async () => {
    const { insertedId } = await collection().insertOne({
      firstname: 'Before',
      lastname: 'Update',
      password: 'legacy-hash',
      email: 'before@repo.test',
      domains: [{ domain_id: new ObjectId(domainId) }],
      accounts: [{ type: 'email', emails: ['before@repo.test'] }],
      schemaVersion: 3,
      avatars: [new ObjectId()],
    });
    await users.update(insertedId.toHexString(), {
      email: 'after@elsewhere.test',
      firstname: 'After',
      lastname: 'Move',
      domainId: otherDomainId,
    });
    const raw = await collection().findOne({ _id: insertedId });
    expect(raw).toMatchObject({
      firstname: 'After',
      lastname: 'Move',
      firstnames: ['After'],
      email: 'after@elsewhere.test',
      password: 'legacy-hash',
      schemaVersion: 3,
      domains: [{ domain_id: new ObjectId(otherDomainId) }],
      accounts: [{ type: 'email', emails: ['after@elsewhere.test'] }],
    });
    expect(raw!.avatars).toHaveLength(1);
  });

  it('refuses to update an unknown user or to take an address in use', async () => {
    await expect(
      users.update(new ObjectId().toHexString(), {
        email: 'x@repo.test',
        firstname: 'X',
        lastname: 'Y',
        domainId,
      }),
    ).rejects.toBeInstanceOf(UserNotFoundError);
    await expect(
      users.update('not-an-id', { email: 'x@repo.test', firstname: 'X', lastname: 'Y', domainId }),
    ).rejects.toBeInstanceOf(UserNotFoundError);
    const first = await users.create({ email: 'taken@repo.test', firstname: 'T', lastname: 'K', domainId });
    const second = await users.create({ email: 'free@repo.test', firstname: 'F', lastname: 'R', domainId });
    await expect(
      users.update(second.id, { email: 'taken@repo.test', firstname: 'F', lastname: 'R', domainId }),
    ).rejects.toBeInstanceOf(UserAlreadyExistsError);
    expect((await users.findById(first.id))!.email).toBe('taken@repo.test');
    expect((await users.findById(second.id))!.email).toBe('free@repo.test');
  });

  it('lists by domain and deletes by address', async () => {
    const member = await users.create({
      email: 'member@elsewhere.test',
      firstname: 'M',
      lastname: 'E',
      domainId: otherDomainId,
    });
    const listed = await users.listByDomain(otherDomainId);
    expect(listed.map((user) => user.id)).toContain(member.id);
    expect(listed.every((user) => user.domainId === otherDomainId)).toBe(true);
    expect((await users.list()).length).toBeGreaterThan(listed.length);
    expect(await users.listByDomain('bogus')).toEqual([]);

    expect(await users.deleteByEmail('MEMBER@elsewhere.test')).toBe(true);
    expect(await users.findById(member.id)).toBeUndefined();
    expect(await users.deleteByEmail('member@elsewhere.test')).toBe(false);
  });

  it('returns nothing for malformed ids', async () => {
    expect(await users.findById('123')).toBeUndefined();
    expect(await users.findById('zzzzzzzzzzzzzzzzzzzzzzzz')).toBeUndefined();
  });
});
