import { SignJWT } from 'jose';
import request from 'supertest';
import { TechnicalTokenService } from '@app/auth';
import { nameBasedUuid } from '@app/core';
import { TestService, startTestService } from '../support/service-apps';

describe('GET /api/technicalToken/introspect', () => {
  let service: TestService;
  let tokens: TechnicalTokenService;
  let domainId: string;
  const introspect = (token?: string) => {
    const call = request(service.api.getHttpServer()).get('/api/technicalToken/introspect');
    return token === undefined ? call : call.set('X-TECHNICAL-TOKEN', token);
  };
  const notFound = {
    error: { code: 404, type: 'NotFound', message: 'Not found', details: 'Token not found or expired' },
  };

  beforeAll(async () => {
    service = await startTestService({
      DOMAINS: 'tech.test',
      TECHNICAL_TOKEN_SECRET: 'shared-technical-secret',
      TECHNICAL_TOKEN_EXPIRATION_SECONDS: '600',
    });
    tokens = service.api.get(TechnicalTokenService);
    domainId = (await service.database.db
      .collection('domains')
      .findOne({ name: 'tech.test' }))!._id.toHexString();
  });
  afterAll(() => service.close());

  it('answers the data of a valid token with the domain name', async () => {
    const response = await introspect(await tokens.mint(domainId)).expect(200);
    expect(response.body).toEqual({
      _id: nameBasedUuid(domainId),
      name: 'Sabre Dav',
      domainId,
      domain: 'tech.test',
      type: 'dav',
      user_type: 'technical',
      schemaVersion: 1,
      __v: 0,
      description: 'Allows to authenticate on Sabre DAV',
      data: { principal: 'principals/technicalUser' },
    });
  });

  it('mints the claims esn-sabre expects', async () => {
    const token = await tokens.mint(domainId);
    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString());
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(header.alg).toBe('HS256');
    expect(claims).toMatchObject({ iss: 'Twake-calendar-side-service', domainId, technicalToken: true });
    expect(claims.exp - Math.floor(Date.now() / 1000)).toBeGreaterThan(590);
  });

  it('answers 404 with the JSON error for every kind of bad token', async () => {
    const key = new TextEncoder().encode('shared-technical-secret');
    const forge = (claims: Record<string, unknown>, exp: number, secret = key) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('Twake-calendar-side-service')
        .setExpirationTime(exp)
        .sign(secret);
    const valid = await tokens.mint(domainId);
    const future = Math.floor(Date.now() / 1000) + 600;
    const data = { domainId, _id: nameBasedUuid(domainId) };
    for (const token of [
      undefined,
      '',
      'garbage',
      `${valid.slice(0, -4)}AAAA`,
      await forge({ domainId, technicalToken: true, data }, Math.floor(Date.now() / 1000) - 10),
      await forge({ domainId, technicalToken: false, data }, future),
      await forge(
        { domainId, technicalToken: true, data },
        future,
        new TextEncoder().encode('another-secret'),
      ),
      await tokens.mint('0123456789abcdef01234567'),
    ]) {
      const response = await introspect(token).expect(404);
      expect(response.body).toEqual(notFound);
    }
  });
});
