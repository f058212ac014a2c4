import 'reflect-metadata';
import { ConfigurationError } from '@app/config';
import { createServiceApps } from './bootstrap';

async function main(): Promise<void> {
  const apps = await createServiceApps();
  const app = apps.config.get('app', { infer: true });
  await apps.api.listen(app.restApiPort, app.restApiHost);
  if (apps.webadmin) {
    const webadmin = apps.config.get('webadmin', { infer: true });
    await apps.webadmin.listen(webadmin.port, webadmin.host);
  }
  const close = () =>
    void Promise.all([apps.webadmin?.close(), apps.api.close()]).finally(() => process.exit(0));
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
