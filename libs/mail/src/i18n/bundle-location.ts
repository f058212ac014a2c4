import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The folder holding `<lang>/mail.json`: MAIL_TEMPLATE_LOCATION when set, else the `i18n` folder shipped with the
 * service (next to the working directory, or found above this file in a source or build tree).
 */
export function mailBundleFolder(configured?: string): string {
  if (configured) return resolve(configured);
  const candidates = [join(process.cwd(), 'i18n')];
  for (let folder = __dirname; dirname(folder) !== folder; folder = dirname(folder)) {
    candidates.push(join(folder, 'i18n'));
  }
  return candidates.find((folder) => existsSync(join(folder, 'en', 'mail.json'))) ?? candidates[0]!;
}
