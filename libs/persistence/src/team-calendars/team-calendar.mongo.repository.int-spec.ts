import { Test } from '@nestjs/testing';
import { INestApplicationContext } from '@nestjs/common';
import { ObjectId } from 'mongodb';
import { AppConfigModule } from '@app/config';
import { TestDatabase } from '@app/testing';
import { PersistenceModule } from '../persistence.module';
import { TeamCalendarRepository } from './team-calendar.repository';

describe('TeamCalendarMongoRepository (real MongoDB wire protocol)', () => {
  let context: INestApplicationContext;
  let database: TestDatabase;
  let calendars: TeamCalendarRepository;
  const domainId = new ObjectId();
  const creation = new Date('2026-06-23T08:00:00.000Z');

  const seed = (name: string, displayName: string, domain = domainId, domainName = 'example.net') =>
    database.db.collection('team_calendars').insertOne({
      _id: new ObjectId(),
      domainId: domain,
      domainName,
      name,
      displayName,
      creation,
      updated: creation,
    });

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(), PersistenceModule],
    }).compile();
    context = await module.init();
    database = await TestDatabase.open();
    calendars = context.get(TeamCalendarRepository);
  });
  afterAll(async () => {
    await context.close();
    await database.drop();
    await database.close();
  });

  it('finds a team calendar by id; malformed or unknown ids find nothing', async () => {
    const { insertedId } = await seed('sales', 'Sales Team');
    expect(await calendars.findById(insertedId.toHexString())).toEqual({
      id: insertedId.toHexString(),
      domainId: domainId.toHexString(),
      domainName: 'example.net',
      name: 'sales',
      displayName: 'Sales Team',
      createdAt: creation,
      updatedAt: creation,
    });
    expect(await calendars.findById('x')).toBeUndefined();
    expect(await calendars.findById(new ObjectId().toHexString())).toBeUndefined();
  });

  it('searches name, display name and name@domain of the domain only, case-insensitively, limited', async () => {
    await seed('support', 'Help Desk');
    await seed('sales', 'Sales elsewhere', new ObjectId(), 'other.net');
    const names = async (query: string, limit = 10) =>
      (await calendars.search(domainId.toHexString(), query, limit))
        .map((calendar) => calendar.displayName)
        .sort();
    expect(await names('SAL')).toEqual(['Sales Team']);
    expect(await names('desk')).toEqual(['Help Desk']);
    expect(await names('support@example')).toEqual(['Help Desk']);
    expect(await names('@EXAMPLE.net')).toEqual(['Help Desk', 'Sales Team']);
    expect(await names('', 1)).toHaveLength(1);
    expect(await calendars.search('x', 'sales', 10)).toEqual([]);
  });
});
