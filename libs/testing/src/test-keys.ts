import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An RSA key pair written as PEM files, as an operator would provide JWT_PRIVATE_KEY_PATH / JWT_PUBLIC_KEY_PATHS. */
export function writeRsaKeyPair(): { privateKeyPath: string; publicKeyPath: string; privateKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const dir = mkdtempSync(join(tmpdir(), 'tcal-keys-'));
  const privateKeyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const privateKeyPath = join(dir, 'private.pem');
  const publicKeyPath = join(dir, 'public.pem');
  writeFileSync(privateKeyPath, privateKeyPem);
  writeFileSync(publicKeyPath, publicKey.export({ type: 'spki', format: 'pem' }).toString());
  return { privateKeyPath, publicKeyPath, privateKeyPem };
}
