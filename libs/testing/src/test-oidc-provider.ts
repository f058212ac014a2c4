import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const SCRIPT = join(__dirname, '..', '..', '..', 'test', 'doubles', 'oidc', 'provider.mjs');

export interface TestAccount {
  sub: string;
  email: string;
  given_name?: string;
  family_name?: string;
  sid?: string;
}

/** A real `oidc-provider` in its own process, with test routes to declare accounts and issue tokens. */
export class TestOidcProvider {
  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
  ) {}

  static async start(): Promise<TestOidcProvider> {
    const child = spawn(process.execPath, [SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'] });
    const firstLine = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.once('line', (line) => resolve(line));
      child.once('exit', (code) => reject(new Error(`OIDC provider exited with ${code}`)));
    });
    const { issuer } = JSON.parse(firstLine) as { issuer: string };
    return new TestOidcProvider(child, issuer);
  }

  /** The variables that point the service at this provider. */
  env(): Record<string, string> {
    return {
      OIDC_USERINFO_URL: `${this.issuer}/me`,
      OIDC_INTROSPECT_URL: `${this.issuer}/token/introspection`,
      OIDC_INTROSPECT_CREDENTIALS: `Basic ${Buffer.from('tcalendar:tcalendar-secret').toString('base64')}`,
      OIDC_AUDIENCE: 'tcalendar',
    };
  }

  async addAccount(account: TestAccount): Promise<void> {
    await this.call('POST', '/test/accounts', account);
  }

  /** An opaque access token, as a login of that account would obtain. */
  async issueToken(options: {
    sub: string;
    sid?: string;
    aud?: string[];
    expiresIn?: number;
  }): Promise<string> {
    return ((await this.call('POST', '/test/tokens', options)) as { token: string }).token;
  }

  /** A back-channel logout token signed with the provider's key. */
  async logoutToken(options: {
    sid?: string;
    sub?: string;
    aud?: string;
    events?: boolean;
    nonce?: string;
  }): Promise<string> {
    return ((await this.call('POST', '/test/logout-tokens', options)) as { token: string }).token;
  }

  /** Revokes the token at the provider (introspection then answers `active: false`). */
  async revoke(token: string): Promise<void> {
    await this.call('POST', '/test/revocations', { token });
  }

  async counters(): Promise<{ introspection: number; userinfo: number }> {
    return (await this.call('GET', '/test/counters')) as { introspection: number; userinfo: number };
  }

  async resetCounters(): Promise<void> {
    await this.call('DELETE', '/test/counters');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.issuer}${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    const payload = (await response.json()) as unknown;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(payload)}`);
    return payload;
  }
}
