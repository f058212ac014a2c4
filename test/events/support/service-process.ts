/**
 * The whole service in a process of its own (`ts-node`, no build), for tests that kill it. Started by
 * `spawnService()`: it boots with the environment it is given and writes `READY` on stdout once it consumes.
 */
import 'reflect-metadata';
import { createServiceApps } from '../../../apps/side-service/src/bootstrap';

createServiceApps()
  .then(() => process.stdout.write('READY\n'))
  .catch((error: unknown) => {
    process.stderr.write(`boot failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
