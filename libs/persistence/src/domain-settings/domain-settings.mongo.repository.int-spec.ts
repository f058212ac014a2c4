import { Test } from '@nestjs/testing';
import { INestApplicationContext } from '@nestjs/common';
import { AppConfigModule } from '@app/config';
import { TestDatabase } from '@app/testing';
import { PersistenceModule } from '../persistence.module';
import { DomainSettingsRepository } from './domain-settings.repository';

describe('DomainSettingsMongoRepository (real MongoDB wire protocol)', () => {
  let context: INestApplicationContext;
  let database: TestDatabase;
  let settings: DomainSettingsRepository;
  const collection = () => database.db.collection('domain_settings');

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(), PersistenceModule],
    }).compile();
    context = await module.init();
    database = await TestDatabase.open();
    settings = context.get(DomainSettingsRepository);
  });
  afterAll(async () => {
    await context.close();
    await database.drop();
    await database.close();
  });

  it('has a unique index on the domain name', async () => {
    const index = (await collection().indexes()).find(
      (entry) => JSON.stringify(entry.key) === '{"domain":1}',
    );
    expect(index).toMatchObject({ unique: true });
  });

  it('reads stored overrides case-insensitively and ignores unreadable values', async () => {
    await collection().insertOne({
      domain: 'legacy.test',
      userSearchMode: 'LIMITED',
      defaultCalendarPublicVisibility: 'Read',
      resourceSearchEnabled: 'yes',
    });
    expect(await settings.findByDomain('Legacy.test')).toEqual({
      userSearchMode: 'limited',
      defaultCalendarPublicVisibility: 'read',
    });
    expect(await settings.findByDomain('unknown.test')).toEqual({});
  });

  it('saves with $set of the present fields and $unset of the absent ones, keyed by name', async () => {
    await settings.save('Saved.test', { userSearchMode: 'disabled', resourceSearchEnabled: false });
    await settings.save('saved.test', {
      resourceSearchEnabled: true,
      calendarPublicVisibilitySettingEnabled: false,
    });
    const documents = await collection().find({ domain: 'saved.test' }).toArray();
    expect(documents).toHaveLength(1);
    expect(documents[0]).toEqual({
      _id: expect.anything(),
      domain: 'saved.test',
      resourceSearchEnabled: true,
      calendarPublicVisibilitySettingEnabled: false,
    });
    expect(await settings.findByDomain('saved.test')).toEqual({
      resourceSearchEnabled: true,
      calendarPublicVisibilitySettingEnabled: false,
    });
  });

  it('patches: sets some fields, removes others, keeps the rest; an empty patch writes nothing', async () => {
    await settings.save('patched.test', { userSearchMode: 'limited', resourceSearchEnabled: false });
    await settings.patch('Patched.test', { defaultCalendarPublicVisibility: 'read' }, [
      'resourceSearchEnabled',
    ]);
    expect(await collection().findOne({ domain: 'patched.test' }, { projection: { _id: 0 } })).toEqual({
      domain: 'patched.test',
      userSearchMode: 'limited',
      defaultCalendarPublicVisibility: 'read',
    });
    await settings.patch('fresh.test', {}, []);
    expect(await collection().countDocuments({ domain: 'fresh.test' })).toBe(0);
    await settings.patch('fresh.test', { calendarPublicVisibilitySettingEnabled: false }, ['userSearchMode']);
    expect(await settings.findByDomain('fresh.test')).toEqual({
      calendarPublicVisibilitySettingEnabled: false,
    });
  });
});
