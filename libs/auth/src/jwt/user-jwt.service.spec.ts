import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { JwtKeys } from './jwt-keys';
import { UserJwtService } from './user-jwt.service';

describe('UserJwtService', () => {
  const keys = JwtKeys.load({ publicKeyPaths: [], validityMs: 60_000 });
  const service = new UserJwtService(keys, 60_000);
  const now = Date.UTC(2026, 11, 4, 10, 0, 0, 500);
  const claims = {
    attendeeEmail: 'bob@example.com',
    organizerEmail: 'alice@example.com',
    uid: 'a-b-c',
    calendarURI: '5f50a663bdaffe002629099c',
    action: 'ACCEPTED',
  };

  it('writes without expiry the same token as jose, byte for byte', async () => {
    const expected = await new SignJWT(claims)
      .setProtectedHeader({ typ: 'JWT', alg: 'RS256' })
      .setIssuedAt(Math.floor(now / 1000))
      .sign(keys.privateKey);
    const token = await service.signWithoutExpiry(claims, now);
    expect(token).toBe(expected);
    const { payload, protectedHeader } = await jwtVerify(token, keys.publicKeys[0]!, {
      currentDate: new Date(now),
    });
    expect(protectedHeader).toEqual({ typ: 'JWT', alg: 'RS256' });
    expect(payload).toEqual({ ...claims, iat: Math.floor(now / 1000) });
  });

  it('writes with expiry the same token as jose, byte for byte', async () => {
    const expected = await new SignJWT({ sub: 'bob', twake_calendar_auth_type: 'jwt' })
      .setProtectedHeader({ typ: 'JWT', alg: 'RS256' })
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor((now + 60_000) / 1000))
      .sign(keys.privateKey);
    const token = await service.signUserToken('bob', now);
    expect(token).toBe(expected);
    const { payload } = await jwtVerify(token, keys.publicKeys[0]!, { currentDate: new Date(now) });
    expect(payload).toEqual({
      sub: 'bob',
      twake_calendar_auth_type: 'jwt',
      iat: Math.floor(now / 1000),
      exp: Math.floor((now + 60_000) / 1000),
    });
  });

  it('refuses a key that is not RSA', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ecKeys = Object.assign(Object.create(JwtKeys.prototype) as JwtKeys, {
      privateKey,
      publicKeys: [publicKey],
      ephemeral: true,
    });
    expect(() => new UserJwtService(ecKeys, 60_000)).toThrow(/RSA key, not ec/);
  });
});
