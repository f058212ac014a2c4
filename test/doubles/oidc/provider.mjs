// A real OpenID provider (the `oidc-provider` package) for the tests and benchmarks, run as its own process
// because the package is ESM-only. Standard endpoints (introspection, userinfo, JWKS) are served by
// oidc-provider itself; a few `/test/*` routes let the test drive it (declare accounts, issue tokens the way a
// login would, produce back-channel logout tokens signed with the provider's key, read call counters).
//
//   node provider.mjs            -> prints {"port": N, "issuer": "..."} on the first stdout line
import { createServer } from 'node:http';
import process from 'node:process';
import { randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

const CLIENT_ID = 'tcalendar';
const CLIENT_SECRET = 'tcalendar-secret';

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };

const accounts = new Map();
const counters = { introspection: 0, userinfo: 0 };

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: ['http://127.0.0.1/callback'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [jwk] },
  claims: {
    openid: ['sub', 'sid'],
    email: ['email', 'email_verified'],
    profile: ['given_name', 'family_name', 'name'],
  },
  features: { introspection: { enabled: true }, devInteractions: { enabled: false } },
  extraTokenClaims: (_ctx, token) =>
    token.tcalAudience !== undefined ? { tcal_aud: token.tcalAudience } : undefined,
  findAccount: (_ctx, id) => {
    const claims = accounts.get(id);
    return claims ? { accountId: id, claims: () => ({ sub: id, ...claims }) } : undefined;
  },
});
provider.proxy = false;
provider.use(async (ctx, next) => {
  if (ctx.path === '/token/introspection') counters.introspection++;
  if (ctx.path === '/me') counters.userinfo++;
  await next();
  if (ctx.path === '/token/introspection' && ctx.body?.active && ctx.body.tcal_aud !== undefined) {
    ctx.body.aud = ctx.body.tcal_aud;
    delete ctx.body.tcal_aud;
  }
});

const json = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const readBody = (req) =>
  new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data ? JSON.parse(data) : {}));
    req.on('error', reject);
  });

async function issueToken({ sub, sid, aud = ['tcalendar'], expiresIn = 3600 }) {
  const client = await provider.Client.find(CLIENT_ID);
  const grant = new provider.Grant({ accountId: sub, clientId: CLIENT_ID });
  grant.addOIDCScope('openid email profile');
  const grantId = await grant.save();
  const token = new provider.AccessToken({
    accountId: sub,
    client,
    grantId,
    scope: 'openid email profile',
    expiresWithSession: false,
  });
  if (sid) token.sid = sid;
  token.expiresIn = expiresIn;
  // oidc-provider refuses userinfo calls with audience-bound tokens, unlike the providers used in production
  // (LemonLDAP, Keycloak) whose tokens serve both. The audience travels in `extra` and is put back into the
  // introspection answer by the middleware below.
  token.tcalAudience = aud.length === 1 ? aud[0] : aud;
  return token.save();
}

async function logoutToken({ sid, sub, aud = CLIENT_ID, events = true, nonce }) {
  const claims = {
    jti: randomUUID(),
    ...(sid ? { sid } : {}),
    ...(sub ? { sub } : {}),
    ...(nonce ? { nonce } : {}),
  };
  if (events) claims.events = { 'http://schemas.openid.net/event/backchannel-logout': {} };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'logout+jwt' })
    .setIssuer(issuer)
    .setAudience(aud)
    .setIssuedAt()
    .setExpirationTime('2m')
    .sign(privateKey);
}

const callback = provider.callback();
server.on('request', async (req, res) => {
  try {
    if (req.url === '/test/accounts' && req.method === 'POST') {
      const { sub, ...claims } = await readBody(req);
      accounts.set(sub, claims);
      return json(res, 201, { sub });
    }
    if (req.url === '/test/tokens' && req.method === 'POST')
      return json(res, 201, { token: await issueToken(await readBody(req)) });
    if (req.url === '/test/logout-tokens' && req.method === 'POST')
      return json(res, 201, { token: await logoutToken(await readBody(req)) });
    if (req.url === '/test/revocations' && req.method === 'POST') {
      const { token } = await readBody(req);
      const found = await provider.AccessToken.find(token);
      await found?.destroy();
      return json(res, 201, { revoked: Boolean(found) });
    }
    if (req.url === '/test/counters' && req.method === 'GET') return json(res, 200, counters);
    if (req.url === '/test/counters' && req.method === 'DELETE') {
      counters.introspection = 0;
      counters.userinfo = 0;
      return json(res, 200, counters);
    }
    return callback(req, res);
  } catch (error) {
    json(res, 500, { error: String(error?.stack ?? error) });
  }
});

process.stdout.write(`${JSON.stringify({ port, issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
