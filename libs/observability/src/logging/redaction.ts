/**
 * The one redaction rule of the logs: a header, query parameter or object key whose name looks like a secret
 * (authorization, cookies, tokens, passwords, `jwt`, `ticket`, keys, sessions…) never has its value logged.
 */
const SECRET_NAME =
  /authori[sz]ation|cookie|passw(or)?d|pwd|secret|token|jwt|ticket|api[-_]?key|credential|session/i;
const SECRET_EXACT = new Set(['sid', 'key', 'auth', 'code', 'signature', 'sig']);

export const CENSOR = '[redacted]';

export function isSecretName(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_NAME.test(lower) || SECRET_EXACT.has(lower);
}

/** The URL with the value of every secret-looking query parameter replaced (names and other values kept). */
export function redactUrl(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const query = url
    .slice(question + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const rawName = equals < 0 ? pair : pair.slice(0, equals);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // a malformed escape: judged on its raw text
      }
      const bare = name.replace(/\[\]$/, '');
      return equals >= 0 && isSecretName(bare) ? `${rawName}=${CENSOR}` : pair;
    })
    .join('&');
  return `${url.slice(0, question)}?${query}`;
}

/** A copy of the headers with the value of every secret-looking one replaced. */
export function redactHeaders(
  headers: Record<string, string | string[] | number | undefined>,
): Record<string, string | string[] | number | undefined> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, isSecretName(name) ? CENSOR : value]),
  );
}

/** Object keys redacted wherever they appear in a log record (pino needs the paths spelt out). */
const SECRET_KEYS = [
  'password',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'idToken',
  'id_token',
  'secret',
  'logout_token',
  'authorization',
  'cookie',
  'jwt',
  'ticket',
  'apiKey',
];

export const REDACTED_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  ...SECRET_KEYS.map((key) => `*.*.${key}`),
];
