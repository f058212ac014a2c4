import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Binary, Long, ObjectId } from 'mongodb';
import { AppConfigModule } from '@app/config';
import { TestDatabase } from '@app/testing';
import { PersistenceModule } from '../persistence.module';
import { UPLOAD_CHUNK_BYTES } from './uploaded-file.mongo.repository';
import { UploadedFileRepository } from './uploaded-file.repository';

async function* chunks(...parts: Buffer[]): AsyncIterable<Buffer> {
  for (const part of parts) yield part;
}

async function collect(iterable: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of iterable) parts.push(part);
  return Buffer.concat(parts);
}

describe('UploadedFileMongoRepository (real MongoDB wire protocol)', () => {
  let context: INestApplicationContext;
  let database: TestDatabase;
  let files: UploadedFileRepository;
  const epoch = new Date(0);

  beforeAll(async () => {
    process.env.UPLOAD_EXPIRATION = '2h';
    context = await (
      await Test.createTestingModule({ imports: [AppConfigModule.forRoot(), PersistenceModule] }).compile()
    ).init();
    database = await TestDatabase.open();
    files = context.get(UploadedFileRepository);
  });
  afterAll(async () => {
    delete process.env.UPLOAD_EXPIRATION;
    await context.close();
    await database.drop();
    await database.close();
  });

  it('indexes username and created (TTL from UPLOAD_EXPIRATION where the server supports it)', async () => {
    const indexes = await database.db.collection('twake_calendar_uploaded_files').indexes();
    expect(indexes.map((index) => JSON.stringify(index.key))).toEqual(
      expect.arrayContaining(['{"created":1}', '{"username":1}']),
    );
    const ttl = indexes.find((index) => JSON.stringify(index.key) === '{"created":1}');
    if (ttl?.expireAfterSeconds !== undefined) expect(ttl.expireAfterSeconds).toBe(7200);
  });

  it('stores a small file inline, in the legacy format (Int64 size, Binary data)', async () => {
    const created = new Date('2026-05-10T08:00:00.123Z');
    const stored = await files.store(
      { username: 'ana@x.test', fileName: 'team.ics', mimeType: 'text/calendar', created },
      chunks(Buffer.from('BEGIN:'), Buffer.from('VCALENDAR\r\n')),
    );
    expect(stored).toMatchObject({ username: 'ana@x.test', size: 17, created });
    const raw = await database.db
      .collection('twake_calendar_uploaded_files')
      .findOne({ _id: new ObjectId(stored.id) }, { promoteLongs: false });
    expect(raw!.size).toBeInstanceOf(Long);
    expect(raw!.data).toBeInstanceOf(Binary);
    expect(Object.keys(raw!).sort()).toEqual([
      '_id',
      'created',
      'data',
      'fileName',
      'mimeType',
      'size',
      'username',
    ]);
    expect((await collect(files.read(stored))).toString()).toBe('BEGIN:VCALENDAR\r\n');
  });

  it('reads a file written by the original', async () => {
    const _id = new ObjectId();
    await database.db.collection('twake_calendar_uploaded_files').insertOne({
      _id,
      username: 'legacy@x.test',
      fileName: 'old.vcf',
      mimeType: 'TEXT/VCARD',
      created: new Date(),
      size: Long.fromNumber(4),
      data: new Binary(Buffer.from('abcd')),
    });
    const found = await files.find(_id.toHexString(), 'legacy@x.test', epoch);
    expect(found).toMatchObject({ fileName: 'old.vcf', mimeType: 'TEXT/VCARD', size: 4 });
    expect((await collect(files.read(found!))).toString()).toBe('abcd');
  });

  it('chunks a large file and streams it back in order', async () => {
    const part = Buffer.alloc(UPLOAD_CHUNK_BYTES / 2 + 7, 'a');
    const parts = [part, Buffer.alloc(part.length, 'b'), Buffer.alloc(part.length, 'c'), Buffer.from('end')];
    const stored = await files.store(
      { username: 'big@x.test', fileName: 'big.ics', mimeType: 'text/calendar', created: new Date() },
      chunks(...parts),
    );
    expect(stored.size).toBe(part.length * 3 + 3);
    const chunkDocs = await database.db
      .collection('twake_calendar_uploaded_file_chunks')
      .countDocuments({ files_id: new ObjectId(stored.id) });
    expect(chunkDocs).toBe(2);
    expect((await collect(files.read(stored))).equals(Buffer.concat(parts))).toBe(true);
  });

  it('keeps uploads private, lists them oldest first, deletes idempotently with their chunks', async () => {
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));
    const owner = 'list@x.test';
    const second = await files.store(
      { username: owner, fileName: '2', mimeType: 'text/vcard', created: at(2) },
      chunks(Buffer.alloc(UPLOAD_CHUNK_BYTES + 1)),
    );
    const first = await files.store(
      { username: owner, fileName: '1', mimeType: 'text/vcard', created: at(1) },
      chunks(Buffer.from('x')),
    );
    expect((await files.listByUser(owner, epoch)).map((file) => file.fileName)).toEqual(['1', '2']);
    expect(await files.find(first.id, 'someone@else.test', epoch)).toBeUndefined();
    expect(await files.find(first.id, owner, at(5))).toBeUndefined();
    await files.delete(second.id, 'someone@else.test');
    expect(await files.find(second.id, owner, epoch)).toBeDefined();
    await files.delete(second.id, owner);
    await files.delete(second.id, owner);
    expect(await files.find(second.id, owner, epoch)).toBeUndefined();
    expect(
      await database.db
        .collection('twake_calendar_uploaded_file_chunks')
        .countDocuments({ files_id: new ObjectId(second.id) }),
    ).toBe(0);
  });

  it('removes what a failing upload wrote, and expired files with their chunks', async () => {
    async function* failing(): AsyncIterable<Buffer> {
      yield Buffer.alloc(UPLOAD_CHUNK_BYTES * 2);
      throw new Error('too large');
    }
    await expect(
      files.store(
        { username: 'fail@x.test', fileName: 'f', mimeType: 'text/vcard', created: new Date() },
        failing(),
      ),
    ).rejects.toThrow('too large');
    expect(await files.listByUser('fail@x.test', epoch)).toEqual([]);

    const old = await files.store(
      {
        username: 'old@x.test',
        fileName: 'o',
        mimeType: 'text/vcard',
        created: new Date(Date.now() - 3 * 3600_000),
      },
      chunks(Buffer.alloc(UPLOAD_CHUNK_BYTES * 2)),
    );
    expect(await files.deleteCreatedBefore(new Date(Date.now() - 3600_000))).toBeGreaterThanOrEqual(1);
    expect(await files.find(old.id, 'old@x.test', epoch)).toBeUndefined();
    expect(
      await database.db
        .collection('twake_calendar_uploaded_file_chunks')
        .countDocuments({ files_id: new ObjectId(old.id) }),
    ).toBe(0);
  });
});
