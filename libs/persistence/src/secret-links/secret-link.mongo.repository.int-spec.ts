import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ObjectId } from 'mongodb';
import { AppConfigModule } from '@app/config';
import { TestDatabase } from '@app/testing';
import { PersistenceModule } from '../persistence.module';
import { SecretLinkRepository } from './secret-link.repository';

describe('SecretLinkMongoRepository (real MongoDB wire protocol)', () => {
  let context: INestApplicationContext;
  let database: TestDatabase;
  let links: SecretLinkRepository;
  const userId = new ObjectId().toHexString();
  const other = new ObjectId().toHexString();

  beforeAll(async () => {
    context = await (
      await Test.createTestingModule({ imports: [AppConfigModule.forRoot(), PersistenceModule] }).compile()
    ).init();
    database = await TestDatabase.open();
    links = context.get(SecretLinkRepository);
  });
  afterAll(async () => {
    await context.close();
    await database.drop();
    await database.close();
  });

  it('creates the two unique indexes', async () => {
    const indexes = await database.db.collection('secretlinks').indexes();
    const keys = indexes.filter((index) => index.unique).map((index) => JSON.stringify(index.key));
    expect(keys).toEqual(
      expect.arrayContaining([
        '{"user_id":1,"calendarHomeId":1,"calendarId":1}',
        '{"token":1,"calendarHomeId":1,"calendarId":1}',
      ]),
    );
  });

  it('stores one link per owner and calendar, in the legacy format, a new token replacing the old one', async () => {
    await links.save({ userId, calendarHomeId: 'home', calendarId: 'cal', token: 'first' });
    await links.save({ userId, calendarHomeId: 'home', calendarId: 'cal', token: 'second' });
    const raw = await database.db.collection('secretlinks').find({ calendarHomeId: 'home' }).toArray();
    expect(raw).toHaveLength(1);
    expect(raw[0]!.user_id).toBeInstanceOf(ObjectId);
    expect(Object.keys(raw[0]!).sort()).toEqual(['_id', 'calendarHomeId', 'calendarId', 'token', 'user_id']);
    expect(await links.findByOwner(userId, 'home', 'cal')).toEqual({
      userId,
      calendarHomeId: 'home',
      calendarId: 'cal',
      token: 'second',
    });
  });

  it('reads links written by the original and lists them by calendar', async () => {
    await database.db.collection('secretlinks').insertOne({
      _id: new ObjectId(),
      user_id: new ObjectId(other),
      calendarHomeId: 'home',
      calendarId: 'cal',
      token: 'q3Zr0_xV8kLmP2bTnE5wYc1sHd4uJa',
    });
    const listed = await links.listByCalendar('home', 'cal');
    expect(listed.map((link) => link.token).sort()).toEqual(['q3Zr0_xV8kLmP2bTnE5wYc1sHd4uJa', 'second']);
    expect(await links.listByCalendar('home', 'other')).toEqual([]);
    expect(await links.findByOwner('not-an-id', 'home', 'cal')).toBeUndefined();
  });
});
