import { Test } from '@nestjs/testing';
import { INestApplicationContext } from '@nestjs/common';
import { Long, ObjectId } from 'mongodb';
import { AppConfigModule } from '@app/config';
import { TestDatabase } from '@app/testing';
import { PersistenceModule } from '../persistence.module';
import { MalformedConfigurationError } from './configuration.errors';
import { ConfigurationRepository } from './configuration.repository';

describe('ConfigurationMongoRepository (real MongoDB wire protocol)', () => {
  let context: INestApplicationContext;
  let database: TestDatabase;
  let configurations: ConfigurationRepository;
  const domainId = new ObjectId();

  beforeAll(async () => {
    context = await (
      await Test.createTestingModule({ imports: [AppConfigModule.forRoot(), PersistenceModule] }).compile()
    ).init();
    database = await TestDatabase.open();
    configurations = context.get(ConfigurationRepository);
  });
  afterAll(async () => {
    await context.close();
    await database.drop();
    await database.close();
  });

  it('reads a legacy OpenPaaS settings document as flat entries', async () => {
    const userId = new ObjectId();
    await database.db.collection('configurations').insertOne({
      domain_id: domainId,
      user_id: userId,
      modules: [
        {
          name: 'core',
          configurations: [
            { name: 'language', value: 'fr' },
            { name: 'datetime', value: { timeZone: 'Asia/Ho_Chi_Minh', use24hourFormat: true } },
            { name: 'language_version', value: Long.fromNumber(7) },
          ],
        },
        { name: 'calendar', configurations: [{ name: 'alarmEmails', value: null }] },
      ],
    });
    expect(await configurations.findEntries(domainId.toHexString(), userId.toHexString())).toEqual([
      { module: 'core', key: 'language', value: 'fr' },
      { module: 'core', key: 'datetime', value: { timeZone: 'Asia/Ho_Chi_Minh', use24hourFormat: true } },
      { module: 'core', key: 'language_version', value: 7 },
      { module: 'calendar', key: 'alarmEmails', value: null },
    ]);
  });

  it('has no entries for a user without a document or with malformed ids', async () => {
    expect(await configurations.findEntries(domainId.toHexString(), new ObjectId().toHexString())).toEqual(
      [],
    );
    expect(await configurations.findEntries('nope', 'nope')).toEqual([]);
  });

  it('refuses an entry without a value, as the original does', async () => {
    const userId = new ObjectId();
    await database.db.collection('configurations').insertOne({
      domain_id: domainId,
      user_id: userId,
      modules: [{ name: 'core', configurations: [{ name: 'language' }] }],
    });
    await expect(
      configurations.findEntries(domainId.toHexString(), userId.toHexString()),
    ).rejects.toBeInstanceOf(MalformedConfigurationError);
  });
});
