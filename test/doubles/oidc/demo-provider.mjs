// The demo's OpenID provider (the `oidc-provider` package), started by scripts/dev.sh: the demo users, a public
// client for the Calendar SPA (authorization code + PKCE S256) and a confidential one the side service uses for
// introspection. Logins go through a small form checking the demo passwords. A demo component, never the product.
//
//   OIDC_DEMO_PORT (default 9090)  OIDC_DEMO_USERS ("email:password:First:Last,…")
//   OIDC_DEMO_REDIRECT_URIS (comma-separated)  OIDC_DEMO_SPA_CLIENT_ID (default twake-calendar-spa)
//   OIDC_DEMO_INTROSPECTION_SECRET (default tcalendar-demo-secret)
//   node test/doubles/oidc/demo-provider.mjs  -> prints {"issuer": "..."} on the first stdout line
import { createServer } from 'node:http';
import process from 'node:process';
import Provider from 'oidc-provider';
import { exportJWK, generateKeyPair } from 'jose';

const port = Number(process.env.OIDC_DEMO_PORT ?? 9090);
const issuer = process.env.OIDC_DEMO_ISSUER ?? `http://127.0.0.1:${port}`;
const spaClientId = process.env.OIDC_DEMO_SPA_CLIENT_ID ?? 'twake-calendar-spa';
const redirectUris = (process.env.OIDC_DEMO_REDIRECT_URIS ?? 'http://localhost:3000/callback')
  .split(',')
  .map((uri) => uri.trim())
  .filter(Boolean);
const postLogoutUris = (
  process.env.OIDC_DEMO_POST_LOGOUT_URIS ?? redirectUris.map((uri) => new URL(uri).origin).join(',')
)
  .split(',')
  .map((uri) => uri.trim())
  .filter(Boolean);
const users = new Map(
  (
    process.env.OIDC_DEMO_USERS ??
    'alice@twake.test:alice-secret:Alice:Martin,bob@twake.test:bob-secret:Bob:Durand'
  )
    .split(',')
    .map((entry) => entry.trim().split(':'))
    .map(([email, password, given, family]) => [
      email.toLowerCase(),
      { email: email.toLowerCase(), password, given, family },
    ]),
);

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: 'demo-key', alg: 'RS256', use: 'sig' };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: spaClientId,
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: redirectUris,
      post_logout_redirect_uris: postLogoutUris,
    },
    {
      client_id: 'tcalendar',
      client_secret: process.env.OIDC_DEMO_INTROSPECTION_SECRET ?? 'tcalendar-demo-secret',
      grant_types: [],
      response_types: [],
      redirect_uris: [],
    },
  ],
  jwks: { keys: [jwk] },
  pkce: { required: () => true },
  claims: {
    openid: ['sub', 'sid'],
    email: ['email', 'email_verified'],
    profile: ['given_name', 'family_name', 'name'],
  },
  scopes: ['openid', 'email', 'profile', 'offline_access'],
  features: {
    introspection: { enabled: true },
    revocation: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    devInteractions: { enabled: false },
  },
  clientBasedCORS: () => true,
  findAccount: (_ctx, id) => {
    const user = users.get(id);
    if (!user) return undefined;
    return {
      accountId: id,
      claims: () => ({
        sub: id,
        email: user.email,
        email_verified: true,
        given_name: user.given,
        family_name: user.family,
        name: `${user.given} ${user.family}`,
      }),
    };
  },
});
provider.proxy = false;
// The side service checks the audience of introspected tokens (OIDC_AUDIENCE): opaque tokens of the SPA carry
// none here, so their client id stands for it.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === '/token/introspection' && ctx.body?.active && ctx.body.aud === undefined)
    ctx.body.aud = ctx.body.client_id;
});

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (
  uid,
  message = '',
) => `<!doctype html><html><head><meta charset="utf-8"><title>Twake Calendar demo login</title></head>
<body style="font-family:sans-serif;max-width:24em;margin:4em auto"><h1>Demo login</h1>
${message ? `<p style="color:#b00">${escape(message)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<p><label>E-mail <input name="login" autofocus value="alice@twake.test"></label></p>
<p><label>Password <input name="password" type="password"></label></p>
<p><button type="submit">Sign in</button></p></form>
<p>Demo users: ${[...users.keys()].map(escape).join(', ')}</p></body></html>`;

const readForm = (req) =>
  new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(new URLSearchParams(data)));
    req.on('error', reject);
  });

const callback = provider.callback();
const server = createServer(async (req, res) => {
  try {
    const match = /^\/interaction\/([^/?]+)(\/login)?/.exec(req.url ?? '');
    if (!match) return callback(req, res);
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'consent') {
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      grant.addOIDCScope(String(details.params.scope ?? 'openid'));
      return provider.interactionFinished(
        req,
        res,
        { consent: { grantId: await grant.save() } },
        { mergeWithLastSubmission: true },
      );
    }
    if (!match[2] || req.method !== 'POST') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(page(details.uid));
    }
    const form = await readForm(req);
    const user = users.get(
      String(form.get('login') ?? '')
        .trim()
        .toLowerCase(),
    );
    if (!user || user.password !== form.get('password')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(page(details.uid, 'Unknown user or wrong password.'));
    }
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.email } },
      { mergeWithLastSubmission: false },
    );
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(error?.message ?? error));
  }
});
await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
