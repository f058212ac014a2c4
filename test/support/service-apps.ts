import request from 'supertest';
import { TestDatabase } from '@app/testing';
import { ServiceApps, closeServiceApps, createServiceApps } from '../../apps/side-service/src/bootstrap';

/** The whole service (REST + webadmin) booted on the test file's database, plus a raw view of that database. */
export interface TestService extends ServiceApps {
  database: TestDatabase;
  admin: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

export async function startTestService(env: Record<string, string | undefined> = {}): Promise<TestService> {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const apps = await createServiceApps();
  const database = await TestDatabase.open();
  const webadmin = apps.webadmin;
  return {
    ...apps,
    database,
    admin: () => {
      if (!webadmin) throw new Error('webadmin is disabled');
      return request(webadmin.getHttpServer());
    },
    close: async () => {
      await closeServiceApps(apps);
      await database.drop().catch(() => undefined);
      await database.close();
    },
  };
}
