import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { UserJwtService } from '@app/auth';
import type { AllConfig } from '@app/config';
import { UpstreamHttpClient } from '@app/http-client';

const TIMEOUT_MS = 10_000;

/**
 * Settings this service does not know are read from the legacy OpenPaaS server (rest-api.md §5.3 (d)):
 * `POST {backend}/api/configurations?scope=user` as the user (calendar JWT), one key per call.
 */
@Injectable()
export class LegacySettingsClient implements OnApplicationShutdown {
  private readonly backendUrl?: string;
  private readonly upstream: UpstreamHttpClient;

  constructor(
    config: ConfigService<AllConfig, true>,
    private readonly jwt: UserJwtService,
  ) {
    const app = config.get('app', { infer: true });
    this.backendUrl = app.openpaasBackendUrl?.replace(/\/+$/, '');
    this.upstream = new UpstreamHttpClient({ trustAllCerts: app.openpaasBackendTrustAllCerts });
  }

  get configured(): boolean {
    return this.backendUrl !== undefined;
  }

  /** The value the backend holds; fails (500) when it cannot be read. */
  async read(username: string, module: string, key: string): Promise<unknown> {
    try {
      const response = await this.upstream.send({
        url: `${this.backendUrl}/api/configurations?scope=user`,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${await this.jwt.signUserToken(username)}`,
        },
        body: JSON.stringify([{ name: module, keys: [key] }]),
        timeoutMs: TIMEOUT_MS,
      });
      if (response.status !== 200) {
        await response.body.dump();
        throw new Error(`answered ${response.status}`);
      }
      const body = (await response.body.json()) as { configurations?: { value?: unknown }[] }[];
      return body?.[0]?.configurations?.[0]?.value ?? null;
    } catch (error) {
      // The whole request fails with a 500, as the original's does.
      throw new Error(`legacy OpenPaaS backend could not give ${module}.${key}: ${String(error)}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.upstream.close();
  }
}
