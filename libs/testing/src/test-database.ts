import { Db, MongoClient } from 'mongodb';

/**
 * A raw driver connection on the test file's own database, to seed legacy documents and to read back exactly
 * what the service stored. Refuses any database whose name lacks "test".
 */
export class TestDatabase {
  private constructor(
    private readonly client: MongoClient,
    readonly db: Db,
  ) {}

  static async open(url = process.env.MONGO_URL!, name = process.env.MONGO_DATABASE!): Promise<TestDatabase> {
    if (!name?.includes('test'))
      throw new Error(`refusing to use database "${name}": its name must contain "test"`);
    const client = await MongoClient.connect(url, { serverSelectionTimeoutMS: 10_000 });
    return new TestDatabase(client, client.db(name));
  }

  async drop(): Promise<void> {
    await this.db.dropDatabase();
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
