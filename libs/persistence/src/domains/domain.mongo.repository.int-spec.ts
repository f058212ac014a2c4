import { Test } from '@nestjs/testing';
import { INestApplicationContext } from '@nestjs/common';
import { ObjectId } from 'mongodb';
import { AppConfigModule } from '@app/config';
import { TestDatabase } from '@app/testing';
import { PersistenceModule } from '../persistence.module';
import { DomainAlreadyExistsError } from './domain.errors';
import { DomainRepository } from './domain.repository';

describe('DomainMongoRepository (real MongoDB wire protocol)', () => {
  let context: INestApplicationContext;
  let database: TestDatabase;
  let domains: DomainRepository;

  beforeAll(async () => {
    context = await (
      await Test.createTestingModule({ imports: [AppConfigModule.forRoot(), PersistenceModule] }).compile()
    ).init();
    database = await TestDatabase.open();
    domains = context.get(DomainRepository);
  });
  afterAll(async () => {
    await context.close();
    await database.drop();
    await database.close();
  });

  it('creates the unique name index', async () => {
    const indexes = await database.db.collection('domains').indexes();
    expect(indexes.find((index) => JSON.stringify(index.key) === '{"name":1}')).toMatchObject({
      unique: true,
    });
  });

  it('creates a domain document as the original side service writes it', async () => {
    const before = Date.now();
    const domain = await domains.create('Created.Test');
    expect(domain).toMatchObject({
      name: 'created.test',
      companyName: 'created.test',
      hostnames: [],
      administrators: [],
    });
    const raw = await database.db.collection('domains').findOne({ _id: new ObjectId(domain.id) });
    expect(Object.keys(raw!).sort()).toEqual([
      '_id',
      'administrators',
      'company_name',
      'hostnames',
      'name',
      'timestamp',
    ]);
    expect(raw!.timestamp.creation.getTime()).toBeGreaterThanOrEqual(before - 1000);
    await expect(domains.create('created.test')).rejects.toBeInstanceOf(DomainAlreadyExistsError);
  });

  it('ensures a domain once, even when asked concurrently', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => domains.ensure('ensured.test')));
    expect(new Set(results.map((domain) => domain.id)).size).toBe(1);
    expect(await database.db.collection('domains').countDocuments({ name: 'ensured.test' })).toBe(1);
  });

  it('reads OpenPaaS documents with administrators and plural timestamps', async () => {
    const admin = new ObjectId();
    const { insertedId } = await database.db.collection('domains').insertOne({
      name: 'legacy.test',
      company_name: 'Legacy Inc',
      hostnames: ['legacy.example'],
      timestamps: { creation: new Date('2019-05-01T00:00:00Z') },
      administrators: [{ user_id: admin, timestamps: { creation: new Date('2019-05-02T00:00:00Z') } }],
      schemaVersion: 1,
    });
    expect(await domains.findByName('LEGACY.test')).toEqual({
      id: insertedId.toHexString(),
      name: 'legacy.test',
      companyName: 'Legacy Inc',
      hostnames: ['legacy.example'],
      administrators: [{ userId: admin.toHexString(), since: new Date('2019-05-02T00:00:00Z') }],
      createdAt: new Date('2019-05-01T00:00:00Z'),
    });
    expect((await domains.findById(insertedId.toHexString()))!.name).toBe('legacy.test');
    expect(await domains.findById('nope')).toBeUndefined();
    expect((await domains.list()).map((domain) => domain.name)).toEqual(
      expect.arrayContaining(['created.test', 'legacy.test']),
    );
  });
});
