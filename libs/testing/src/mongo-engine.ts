/**
 * Which MongoDB-protocol engine this test run talks to. `./scripts/test.sh` runs the integration suites a second
 * time on the in-memory mongo-java-server (`TEST_MONGO_ENGINE=mongo-java-server`); FerretDB is the default.
 */
export type MongoEngine = 'ferretdb' | 'mongo-java-server';

export const mongoEngine = (): MongoEngine =>
  process.env.TEST_MONGO_ENGINE === 'mongo-java-server' ? 'mongo-java-server' : 'ferretdb';

/**
 * `it` on FerretDB, `it.skip` on another engine: for behaviours the other engine does not have (mongo-java-server
 * never expires TTL indexes, has no transactions, change streams or `explain`). The reason is part of the test
 * name, so that a skipped test says why.
 */
export function itOnFerretDb(reason: string): jest.It {
  if (mongoEngine() === 'ferretdb') return it;
  const skip = ((name: string, ...rest: unknown[]) =>
    (it.skip as (...args: unknown[]) => void)(
      `${name} [FerretDB only: ${reason}]`,
      ...rest,
    )) as unknown as jest.It;
  return skip;
}
