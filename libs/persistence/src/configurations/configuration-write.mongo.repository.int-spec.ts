import { Test } from '@nestjs/testing';
import { INestApplicationContext } from '@nestjs/common';
import { ObjectId } from 'mongodb';
import { AppConfigModule } from '@app/config';
import { TestDatabase } from '@app/testing';
import { PersistenceModule } from '../persistence.module';
import { ConfigurationRepository } from './configuration.repository';

describe('ConfigurationMongoRepository writes (real MongoDB wire protocol)', () => {
  let context: INestApplicationContext;
  let database: TestDatabase;
  let configurations: ConfigurationRepository;
  const domainId = new ObjectId().toHexString();

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(), PersistenceModule],
    }).compile();
    context = await module.init();
    database = await TestDatabase.open();
    configurations = context.get(ConfigurationRepository);
  });
  afterAll(async () => {
    await context.close();
    await database.drop();
    await database.close();
  });

  it('indexes the per-user key', async () => {
    const keys = (await database.db.collection('configurations').indexes()).map((index) =>
      JSON.stringify(index.key),
    );
    expect(keys).toContain('{"user_id":1,"domain_id":1}');
  });

  it('upserts one document per (domain, user), modules grouped in first-seen order, values as BSON', async () => {
    const userId = new ObjectId().toHexString();
    await configurations.replaceEntries(domainId, userId, [
      { module: 'core', key: 'language', value: 'fr' },
      { module: 'calendar', key: 'alarmEmails', value: false },
      { module: 'core', key: 'datetime', value: { timeZone: 'Europe/Paris', use24hourFormat: true } },
      { module: 'x', key: 'numbers', value: [1, 2.5, null] },
    ]);
    await configurations.replaceEntries(domainId, userId, [
      { module: 'core', key: 'language', value: 'vi' },
      { module: 'calendar', key: 'alarmEmails', value: null },
    ]);
    const documents = await database.db
      .collection('configurations')
      .find({ user_id: new ObjectId(userId) })
      .toArray();
    expect(documents).toEqual([
      {
        _id: expect.any(ObjectId),
        domain_id: new ObjectId(domainId),
        user_id: new ObjectId(userId),
        modules: [
          { name: 'core', configurations: [{ name: 'language', value: 'vi' }] },
          { name: 'calendar', configurations: [{ name: 'alarmEmails', value: null }] },
        ],
      },
    ]);
    expect(await configurations.findEntries(domainId, userId)).toEqual([
      { module: 'core', key: 'language', value: 'vi' },
      { module: 'calendar', key: 'alarmEmails', value: null },
    ]);
  });

  it('stores an empty set as modules: [], keeping fields it does not own', async () => {
    const userId = new ObjectId();
    await database.db.collection('configurations').insertOne({
      domain_id: new ObjectId(domainId),
      user_id: userId,
      modules: [{ name: 'core', configurations: [{ name: 'language', value: 'fr' }] }],
      legacy: 'kept',
    });
    await configurations.replaceEntries(domainId, userId.toHexString(), []);
    const document = await database.db.collection('configurations').findOne({ user_id: userId });
    expect(document).toMatchObject({ modules: [], legacy: 'kept' });
  });
});
