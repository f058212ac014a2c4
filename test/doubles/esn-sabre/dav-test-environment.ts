import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { ObjectId } from 'mongodb';
import { TestDatabase } from '@app/testing';
import { TestService, startTestService } from '../../support/service-apps';
import { EsnSabreDouble } from './esn-sabre-double';

/** The service, listening (esn-sabre calls it back), with the esn-sabre double in front of the stack's Radicale. */
export interface DavTestEnvironment {
  service: TestService;
  dav: EsnSabreDouble;
  /** Base URL of the service's REST API. */
  baseUrl: string;
  /** A name unique to this run: Radicale outlives test runs. */
  run: string;
  close: () => Promise<void>;
}

export async function startDavTestEnvironment(
  env: Record<string, string | undefined> = {},
): Promise<DavTestEnvironment> {
  const database = await TestDatabase.open();
  const dav = await EsnSabreDouble.start({
    radicaleUrl: process.env.DAV_URL!,
    db: database.db,
    adminUser: process.env.DAV_ADMIN_USER!,
    adminPassword: process.env.DAV_ADMIN_PASSWORD!,
  });
  const service = await startTestService({ ...env, DAV_URL: dav.url });
  await service.api.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(service.api.getHttpServer().address() as AddressInfo).port}`;
  dav.setSideServiceUrl(baseUrl);
  return {
    service,
    dav,
    baseUrl,
    run: randomBytes(4).toString('hex'),
    close: async () => {
      await service.close();
      await dav.stop();
      await database.close();
    },
  };
}

/** A user document as OpenPaaS writes it, in an existing domain; returns its id (also its DAV home id). */
export async function seedUser(service: TestService, email: string, domainName: string): Promise<string> {
  const domain = await service.database.db.collection('domains').findOne({ name: domainName });
  if (!domain) throw new Error(`domain ${domainName} is missing`);
  const _id = new ObjectId();
  await service.database.db.collection('users').insertOne({
    _id,
    firstname: email.split('@')[0],
    lastname: 'Test',
    password: 'not-a-hash',
    accounts: [{ type: 'email', hosted: true, emails: [email.toLowerCase()] }],
    domains: [{ domain_id: domain._id, joined_at: new Date() }],
    timestamps: { creation: new Date() },
    schemaVersion: 2,
  });
  return _id.toHexString();
}

export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
