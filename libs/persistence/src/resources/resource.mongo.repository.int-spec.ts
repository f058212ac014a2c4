import { Test } from '@nestjs/testing';
import { INestApplicationContext } from '@nestjs/common';
import { ObjectId } from 'mongodb';
import { AppConfigModule } from '@app/config';
import { TestDatabase } from '@app/testing';
import { PersistenceModule } from '../persistence.module';
import { ResourceRepository } from './resource.repository';

describe('ResourceMongoRepository (real MongoDB wire protocol)', () => {
  let context: INestApplicationContext;
  let database: TestDatabase;
  let resources: ResourceRepository;
  const domain = new ObjectId();
  const otherDomain = new ObjectId();
  const creator = new ObjectId();
  const created = new Date('2026-04-01T10:00:00.000Z');

  const seed = (fields: Record<string, unknown>) =>
    database.db.collection('resources').insertOne({
      creator,
      deleted: false,
      description: '',
      domain,
      icon: 'meeting-room',
      timestamps: { creation: created, updatedAt: created },
      type: 'resource',
      ...fields,
    });

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(), PersistenceModule],
    }).compile();
    context = await module.init();
    database = await TestDatabase.open();
    resources = context.get(ResourceRepository);
  });
  afterAll(async () => {
    await context.close();
    await database.drop();
    await database.close();
  });

  it('creates the indexes of the storage contract', async () => {
    const keys = (await database.db.collection('resources').indexes()).map((index) =>
      JSON.stringify(index.key),
    );
    expect(keys).toEqual(expect.arrayContaining(['{"domain":1}', '{"name":1}', '{"deleted":1}']));
  });

  it('finds a resource by id, deleted ones too; a malformed or unknown id finds nothing', async () => {
    const updated = new Date('2026-05-02T08:30:00.000Z');
    const { insertedId } = await seed({
      name: 'Room Jupiter',
      description: '4th floor, 8 seats',
      deleted: true,
      timestamps: { creation: created, updatedAt: updated },
      administrators: [{ id: 'legacy', objectType: 'user' }],
    });
    expect(await resources.findById(insertedId.toHexString())).toEqual({
      id: insertedId.toHexString(),
      name: 'Room Jupiter',
      description: '4th floor, 8 seats',
      icon: 'meeting-room',
      deleted: true,
      creatorId: creator.toHexString(),
      domainId: domain.toHexString(),
      createdAt: created,
      updatedAt: updated,
    });
    expect(await resources.findById('nope')).toBeUndefined();
    expect(await resources.findById(new ObjectId().toHexString())).toBeUndefined();
  });

  it('reads a never-updated resource without updatedAt, and a missing deleted flag as false', async () => {
    const { insertedId } = await seed({ name: 'Projector', deleted: undefined, icon: undefined });
    await database.db
      .collection('resources')
      .updateOne({ _id: insertedId }, { $unset: { deleted: '', icon: '' } });
    expect(await resources.findById(insertedId.toHexString())).toMatchObject({
      deleted: false,
      icon: null,
      updatedAt: null,
    });
  });

  it('searches non-deleted resources of the domain by a substring of the name, escaped and limited', async () => {
    await seed({ name: 'Room Saturn' });
    await seed({ name: 'Big room (A.1)' });
    await seed({ name: 'Room Mars', deleted: true });
    await seed({ name: 'Room Venus', domain: otherDomain });
    const names = async (keyword: string, limit = 10) =>
      (await resources.search(domain.toHexString(), keyword, limit)).map((resource) => resource.name).sort();
    expect(await names('ROOM')).toEqual(['Big room (A.1)', 'Room Saturn']);
    expect(await names(' (a.1')).toEqual(['Big room (A.1)']);
    expect(await names('.*')).toEqual([]);
    expect(await names('')).toEqual(['Big room (A.1)', 'Projector', 'Room Saturn']);
    expect(await names('', 1)).toHaveLength(1);
    expect(await resources.search('nope', 'room', 10)).toEqual([]);
  });
  it('inserts, lists by domain, updates (dropping legacy fields), soft-deletes and removes', async () => {
    const own = new ObjectId();
    const creation = new Date('2026-06-01T08:00:00.000Z');
    const inserted = await resources.insert(
      {
        name: 'Room Pluto',
        description: 'Basement',
        icon: 'meeting-room',
        creatorId: creator.toHexString(),
        domainId: own.toHexString(),
      },
      creation,
    );
    expect(inserted).toMatchObject({
      name: 'Room Pluto',
      deleted: false,
      createdAt: creation,
      updatedAt: null,
    });
    expect(await database.db.collection('resources').findOne({ _id: new ObjectId(inserted.id) })).toEqual({
      _id: new ObjectId(inserted.id),
      creator,
      deleted: false,
      description: 'Basement',
      domain: own,
      icon: 'meeting-room',
      name: 'Room Pluto',
      timestamps: { creation, updatedAt: creation },
      type: 'resource',
    });
    await database.db
      .collection('resources')
      .updateOne({ _id: new ObjectId(inserted.id) }, { $set: { administrators: [{ id: 'x' }] } });

    const later = new Date('2026-06-02T08:00:00.000Z');
    const updated = await resources.update(inserted.id, { name: 'Room Pluto II' }, later);
    expect(updated).toMatchObject({ name: 'Room Pluto II', description: 'Basement', updatedAt: later });
    const stored = await database.db.collection('resources').findOne({ _id: new ObjectId(inserted.id) });
    expect(stored!.administrators).toBeUndefined();
    expect(stored!.timestamps).toEqual({ creation, updatedAt: later });
    expect((await resources.listByDomain(own.toHexString())).map((resource) => resource.name)).toEqual([
      'Room Pluto II',
    ]);

    expect(await resources.softDelete(inserted.id)).toBe(true);
    expect(await resources.softDelete(inserted.id)).toBe(false);
    expect(await resources.update(inserted.id, { name: 'back' })).toBeUndefined();
    expect(await resources.softDelete('nope')).toBe(false);
    expect((await resources.listByDomain(own.toHexString()))[0]).toMatchObject({ deleted: true });
    await resources.remove(inserted.id);
    expect(await resources.findById(inserted.id)).toBeUndefined();
  });
});
