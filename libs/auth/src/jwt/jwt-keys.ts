import { KeyObject, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AuthConfig } from '@app/config';

/** The RSA key pair shared with the DAV server: signs user JWTs and participation links. */
export class JwtKeys {
  private constructor(
    readonly privateKey: KeyObject,
    readonly publicKeys: KeyObject[],
    /** True when no key was configured and a pair was made up at start-up. */
    readonly ephemeral: boolean,
  ) {}

  static load(config: AuthConfig['jwt']): JwtKeys {
    if (!config.privateKeyPath) {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      return new JwtKeys(privateKey, [publicKey], true);
    }
    const privateKey = createPrivateKey(readFileSync(config.privateKeyPath, 'utf8'));
    const publicKeys = config.publicKeyPaths.length
      ? config.publicKeyPaths.map((path) => createPublicKey(readFileSync(path, 'utf8')))
      : [createPublicKey(privateKey)];
    return new JwtKeys(privateKey, publicKeys, false);
  }
}
