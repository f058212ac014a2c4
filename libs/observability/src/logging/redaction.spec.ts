import { isSecretName, redactHeaders, redactUrl } from './redaction';

describe('the redaction rule of the logs', () => {
  it.each([
    'authorization',
    'Cookie',
    'set-cookie',
    'password',
    'PASSWORD',
    'new_password',
    'token',
    'access_token',
    'logout_token',
    'X-Technical-Token',
    'TwakeCalendarToken',
    'jwt',
    'ticket',
    'api_key',
    'apiKey',
    'client_secret',
    'sid',
    'code',
  ])('treats %p as a secret', (name) => expect(isSecretName(name)).toBe(true));

  it.each(['email', 'q', 'limit', 'name', 'scope', 'shouldResetLink', 'content-type', 'x-request-id'])(
    'keeps %p',
    (name) => expect(isSecretName(name)).toBe(false),
  );

  it('redacts the values of secret query parameters, whatever their spelling, and keeps the rest', () => {
    expect(
      redactUrl('/api/x?email=a%40b.test&password=hunter2&Ticket=abc&pass%77ord=x&jwt=eyJ&name[]=cpu&token'),
    ).toBe(
      '/api/x?email=a%40b.test&password=[redacted]&Ticket=[redacted]&pass%77ord=[redacted]&jwt=[redacted]&name[]=cpu&token',
    );
    expect(redactUrl('/no/query')).toBe('/no/query');
    expect(redactUrl('/bad?%E0%A4%A=1&secret=s')).toBe('/bad?%E0%A4%A=1&secret=[redacted]');
  });

  it('redacts secret headers', () => {
    expect(redactHeaders({ 'set-cookie': ['a=b'], 'content-type': 'text/plain', 'x-error-id': 'e' })).toEqual(
      {
        'set-cookie': '[redacted]',
        'content-type': 'text/plain',
        'x-error-id': 'e',
      },
    );
  });
});
