import { ALL_CONFIGS, CROSS_CHECKS } from './all-config';
import { ConfigDefinition, cleanEnv } from './config-definition';
import { readDurationMs } from './env-readers';
import { appConfig } from './namespaces/app.config';
import { authConfig } from './namespaces/auth.config';
import { davConfig } from './namespaces/dav.config';
import { healthcheckConfig } from './namespaces/healthcheck.config';
import { ldapConfig } from './namespaces/ldap.config';
import { opensearchConfig } from './namespaces/opensearch.config';
import { rabbitmqConfig } from './namespaces/rabbitmq.config';
import { redisConfig } from './namespaces/redis.config';
import { uploadConfig } from './namespaces/upload.config';
import { webadminConfig } from './namespaces/webadmin.config';
import { ConfigurationError, validateEnvironment } from './validate-environment';

const definitions = ALL_CONFIGS as readonly ConfigDefinition[];

const REQUIRED = [
  'MONGO_URL',
  'MONGO_DATABASE',
  'RABBITMQ_URI',
  'RABBITMQ_MANAGEMENT_URI',
  'RABBITMQ_MANAGEMENT_USER',
  'RABBITMQ_MANAGEMENT_PASSWORD',
  'SELF_URL',
  'SPA_CALENDAR_URL',
  'SPA_CONTACTS_URL',
  'SPA_EXCAL_URL',
  'VISIO_URL',
  'DAV_URL',
  'DAV_ADMIN_USER',
  'DAV_ADMIN_PASSWORD',
  'ADMIN_USERNAME',
  'ADMIN_PASSWORD',
];

const MINIMAL: Record<string, string> = {
  MONGO_URL: 'mongodb://127.0.0.1:27018',
  MONGO_DATABASE: 'twake_calendar',
  RABBITMQ_URI: 'amqp://guest:guest@127.0.0.1:5673',
  RABBITMQ_MANAGEMENT_URI: 'http://127.0.0.1:15673',
  RABBITMQ_MANAGEMENT_USER: 'guest',
  RABBITMQ_MANAGEMENT_PASSWORD: 'guest',
  SELF_URL: 'http://127.0.0.1:8080',
  SPA_CALENDAR_URL: 'http://127.0.0.1:9900/calendar',
  SPA_CONTACTS_URL: 'http://127.0.0.1:9900/contacts',
  SPA_EXCAL_URL: 'http://127.0.0.1:9900/excal',
  VISIO_URL: 'https://visio.twake.test',
  DAV_URL: 'http://127.0.0.1:5232',
  DAV_ADMIN_USER: 'admin',
  DAV_ADMIN_PASSWORD: 'dav-secret',
  ADMIN_USERNAME: 'admin@twake.test',
  ADMIN_PASSWORD: 'admin-secret',
};

/** The ConfigurationError thrown for `env`; fails the test when validation passes or throws something else. */
function configurationError(env: Record<string, unknown>): ConfigurationError {
  let thrown: unknown;
  try {
    validateEnvironment(definitions, env, CROSS_CHECKS);
  } catch (error) {
    thrown = error;
  }
  if (!(thrown instanceof ConfigurationError))
    throw new Error(`expected a ConfigurationError, got ${String(thrown)}`);
  return thrown;
}

const problemsFor = (overrides: Record<string, string>) =>
  configurationError({ ...MINIMAL, ...overrides }).problems;
const requiredNames = (problems: string[]) =>
  problems
    .map((problem) => /^([A-Z0-9_]+) is required$/.exec(problem)?.[1])
    .filter((name) => name !== undefined);

describe('validateEnvironment', () => {
  describe('an empty environment', () => {
    const error = configurationError({});

    it('throws one ConfigurationError naming every required variable', () => {
      expect(error.name).toBe('ConfigurationError');
      expect(error).toBeInstanceOf(Error);
      expect(requiredNames(error.problems).sort()).toEqual([...REQUIRED].sort());
    });

    it('reports nothing about optional variables', () => {
      const mentioned = new Set(error.problems.map((problem) => problem.split(' ')[0]));
      expect([...mentioned].filter((name) => !REQUIRED.includes(name!))).toEqual([]);
    });

    it('lists every problem in the message, with their count', () => {
      expect(error.message).toMatch(
        new RegExp(`^Invalid configuration \\(${error.problems.length} problems\\):`),
      );
      for (const problem of error.problems) expect(error.message).toContain(`\n  - ${problem}`);
      for (const name of REQUIRED) expect(error.message).toContain(`${name} is required`);
    });

    it('reports each problem once', () => {
      expect(new Set(error.problems).size).toBe(error.problems.length);
    });
  });

  describe('a valid minimal environment', () => {
    it('passes and returns the environment it was given', () => {
      expect(validateEnvironment(definitions, MINIMAL, CROSS_CHECKS)).toBe(MINIMAL);
    });

    it('passes with extra variables unknown to the namespaces', () => {
      expect(() =>
        validateEnvironment(definitions, { ...MINIMAL, PATH: '/usr/bin', HOME: '/root' }, CROSS_CHECKS),
      ).not.toThrow();
    });

    it.each(REQUIRED)('fails without %s alone', (name) => {
      const env: Record<string, string> = { ...MINIMAL };
      delete env[name];
      expect(requiredNames(configurationError(env).problems)).toEqual([name]);
    });
  });

  describe('bad values', () => {
    it.each<[string, Record<string, string>, RegExp]>([
      [
        'a port above 65535',
        { REST_API_PORT: '70000' },
        /^REST_API_PORT must be an integer between 0 and 65535$/,
      ],
      ['a non-numeric port', { WEBADMIN_PORT: 'eighty' }, /^WEBADMIN_PORT must be an integer/],
      ['a negative duration', { DAV_RESPONSE_TIMEOUT: '-5' }, /^DAV_RESPONSE_TIMEOUT must be a duration/],
      [
        'an unknown duration unit',
        { DAV_RESPONSE_TIMEOUT: '10 parsecs' },
        /^DAV_RESPONSE_TIMEOUT must be a duration/,
      ],
      [
        'a zero duration where > 0 is required',
        { DAV_RESPONSE_TIMEOUT: '0ms' },
        /^DAV_RESPONSE_TIMEOUT .*greater than 0/,
      ],
      [
        'a Redis URL with another scheme',
        { REDIS_URL: 'http://x' },
        /^REDIS_URL must be a comma-separated list of URLs with scheme redis or rediss$/,
      ],
      [
        'a boolean other than true/false',
        { BASIC_AUTH_ENABLED: 'yes' },
        /^BASIC_AUTH_ENABLED must be true or false$/,
      ],
      ['a non-e-mail admin', { ADMIN_USERNAME: 'admin' }, /^ADMIN_USERNAME must be an e-mail address$/],
      ['a non-http SELF_URL', { SELF_URL: 'ftp://files.example' }, /^SELF_URL must be an http\(s\) URL$/],
      [
        'a non-mongodb MONGO_URL',
        { MONGO_URL: 'postgres://127.0.0.1' },
        /^MONGO_URL must be a mongodb:\/\/ or mongodb\+srv:\/\/ connection string$/,
      ],
      [
        'a list of RabbitMQ URIs (one broker URI is expected)',
        { RABBITMQ_URI: 'amqp://a,amqp://b' },
        /^RABBITMQ_URI must be a URL with scheme amqp or amqps$/,
      ],
      [
        'an OpenSearch host that is not a host',
        { OPENSEARCH_HOSTS: 'not a host!!' },
        /^OPENSEARCH_HOSTS must be a comma-separated list of host/,
      ],
      ['an unknown log level', { LOG_LEVEL: 'verbose' }, /^LOG_LEVEL must be one of: fatal, error/],
      [
        'an invalid domain list',
        { DOMAINS: 'good.example,bad domain' },
        /^DOMAINS must be a comma-separated list of domain names$/,
      ],
      ['an unknown Redis topology', { REDIS_TOPOLOGY: 'ring' }, /^REDIS_TOPOLOGY must be one of/],
      [
        'an unknown partial-index mode',
        { MONGO_PARTIAL_INDEXES: 'filtered' },
        /^MONGO_PARTIAL_INDEXES must be one of: partial, sparse$/,
      ],
      [
        'a prefetch count of 0',
        { ITIP_EVENT_MESSAGES_PREFETCH_COUNT: '0' },
        /^ITIP_EVENT_MESSAGES_PREFETCH_COUNT must be an integer/,
      ],
      [
        'an LDAP URL with another scheme',
        {
          LDAP_URL: 'http://ldap',
          LDAP_USER_BASE: 'dc=x',
          LDAP_USER_OBJECT_CLASS: 'p',
          LDAP_USER_ID_ATTRIBUTE: 'mail',
        },
        /^LDAP_URL must be a comma-separated list of URLs with scheme ldap or ldaps$/,
      ],
      [
        'JWT webadmin auth without its key',
        { WEBADMIN_JWT_ENABLED: 'true' },
        /^WEBADMIN_JWT_PUBLIC_KEY_PATH is required when WEBADMIN_JWT_ENABLED is true$/,
      ],
      [
        'webadmin TLS without its certificate',
        { WEBADMIN_TLS_ENABLED: 'true', WEBADMIN_TLS_KEY_PATH: '/k.pem' },
        /^WEBADMIN_TLS_KEY_PATH and WEBADMIN_TLS_CERT_PATH are required/,
      ],
      [
        'LDAP_URL without LDAP_USER_BASE',
        {
          LDAP_URL: 'ldap://127.0.0.1:3389',
          LDAP_USER_OBJECT_CLASS: 'inetOrgPerson',
          LDAP_USER_ID_ATTRIBUTE: 'mail',
        },
        /^LDAP_USER_BASE is required when LDAP_URL is set$/,
      ],
    ])('reports %s', (_, overrides, expected) => {
      const problems = problemsFor(overrides);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(expected);
    });

    it('accepts the values next to those it rejects', () => {
      const good = {
        REST_API_PORT: '65535',
        DAV_RESPONSE_TIMEOUT: '10 Seconds',
        REDIS_URL: 'redis://127.0.0.1:6380,rediss://replica:6380',
        BASIC_AUTH_ENABLED: 'false',
        WEBADMIN_JWT_ENABLED: 'true',
        WEBADMIN_JWT_PUBLIC_KEY_PATH: '/etc/jwt.pem',
        REDIS_TOPOLOGY: 'Master-Replica',
        LDAP_URL: 'ldaps://a:636,ldap://b:389',
        LDAP_USER_BASE: 'ou=people,dc=twake,dc=test',
        LDAP_USER_OBJECT_CLASS: 'inetOrgPerson',
        LDAP_USER_ID_ATTRIBUTE: 'mail',
        MONGO_URL: 'mongodb+srv://cluster.example.com/db',
        MONGO_PARTIAL_INDEXES: 'Sparse',
        DOMAINS: 'twake.test, Other_Domain.example',
      };
      expect(() => validateEnvironment(definitions, { ...MINIMAL, ...good }, CROSS_CHECKS)).not.toThrow();
    });

    it('lists LDAP_USER_BASE, LDAP_USER_OBJECT_CLASS and LDAP_USER_ID_ATTRIBUTE when only LDAP_URL is set', () => {
      expect(problemsFor({ LDAP_URL: 'ldap://127.0.0.1:3389' })).toEqual([
        'LDAP_USER_BASE is required when LDAP_URL is set',
        'LDAP_USER_OBJECT_CLASS is required when LDAP_URL is set',
        'LDAP_USER_ID_ATTRIBUTE is required when LDAP_URL is set',
      ]);
    });

    it('reports all bad values of all namespaces in a single error', () => {
      const problems = problemsFor({
        REST_API_PORT: '70000',
        DAV_RESPONSE_TIMEOUT: '10 parsecs',
        REDIS_URL: 'http://x',
        BASIC_AUTH_ENABLED: 'yes',
        WEBADMIN_JWT_ENABLED: 'true',
        LDAP_URL: 'ldap://127.0.0.1:3389',
        LDAP_USER_OBJECT_CLASS: 'inetOrgPerson',
        LDAP_USER_ID_ATTRIBUTE: 'mail',
      });
      expect(problems.map((problem) => problem.split(' ')[0]).sort()).toEqual(
        [
          'BASIC_AUTH_ENABLED',
          'DAV_RESPONSE_TIMEOUT',
          'LDAP_USER_BASE',
          'REDIS_URL',
          'REST_API_PORT',
          'WEBADMIN_JWT_PUBLIC_KEY_PATH',
        ].sort(),
      );
    });
  });

  describe('empty strings count as unset', () => {
    it.each(['', '   ', '\t'])('a required variable set to %j is reported as missing', (blank) => {
      expect(requiredNames(problemsFor({ MONGO_URL: blank, DAV_ADMIN_PASSWORD: blank })).sort()).toEqual([
        'DAV_ADMIN_PASSWORD',
        'MONGO_URL',
      ]);
    });

    it('an optional variable set to the empty string passes validation', () => {
      const blanks = {
        REST_API_PORT: '',
        REDIS_URL: '',
        BASIC_AUTH_ENABLED: ' ',
        LDAP_URL: '',
        DAV_RESPONSE_TIMEOUT: '',
      };
      expect(() => validateEnvironment(definitions, { ...MINIMAL, ...blanks }, CROSS_CHECKS)).not.toThrow();
    });

    it('cleanEnv drops blank values, trims the others and ignores non-strings', () => {
      expect(cleanEnv({ A: '', B: '  ', C: ' x ', D: undefined, E: 42 as unknown as string })).toEqual({
        C: 'x',
      });
    });

    it('blank optional variables read as their defaults', () => {
      const env = cleanEnv({
        ...MINIMAL,
        REST_API_PORT: '',
        REDIS_URL: ' ',
        DAV_RESPONSE_TIMEOUT: '',
        LDAP_URL: '',
      });
      expect(appConfig.read(env).restApiPort).toBe(8080);
      expect(redisConfig.read(env).urls).toBeUndefined();
      expect(davConfig.read(env).responseTimeoutMs).toBe(10_000);
      expect(ldapConfig.read(env)).toBeUndefined();
    });
  });
});

describe('upload', () => {
  it('defaults to one hour and 50 MiB, and reads sizes with units', () => {
    expect(uploadConfig.read(MINIMAL)).toEqual({ expirationMs: 3_600_000, userTotalLimitBytes: 52_428_800 });
    expect(
      uploadConfig.read({ ...MINIMAL, UPLOAD_EXPIRATION: '90', UPLOAD_USER_TOTAL_LIMIT: '2 KiB' }),
    ).toEqual({ expirationMs: 90, userTotalLimitBytes: 2048 });
  });

  it('refuses a size with a wrong unit', () => {
    expect(() =>
      validateEnvironment(definitions, { ...MINIMAL, UPLOAD_USER_TOTAL_LIMIT: '50 Mib' }, CROSS_CHECKS),
    ).toThrow(/UPLOAD_USER_TOTAL_LIMIT/);
  });
});

describe('typed values', () => {
  it('every namespace has a read(env) usable directly, under its key', () => {
    expect(ALL_CONFIGS.map((definition) => definition.key)).toEqual([
      'app',
      'mongo',
      'rabbitmq',
      'redis',
      'opensearch',
      'ldap',
      'dav',
      'auth',
      'webadmin',
      'healthcheck',
      'mail',
      'userDefaults',
      'upload',
      'alarms',
      'spaSettings',
      'domainSettings',
      'websocket',
      'standalone',
    ]);
    for (const definition of definitions) {
      expect(typeof definition.read).toBe('function');
      expect(typeof definition.factory).toBe('function');
    }
  });

  describe('dav', () => {
    it('has defaults', () => {
      expect(davConfig.read(MINIMAL)).toEqual({
        url: 'http://127.0.0.1:5232',
        adminUser: 'admin',
        adminPassword: 'dav-secret',
        trustAllCerts: false,
        responseTimeoutMs: 10_000,
        imipCallbackResponseTimeoutMs: undefined,
        updateRetryMinBackoffMs: 100,
      });
    });

    it.each([
      ['500ms', 500],
      ['500', 500],
      ['2s', 2000],
      ['1 minute', 60_000],
    ])('DAV_RESPONSE_TIMEOUT=%s is %d ms', (text, ms) => {
      expect(davConfig.read({ ...MINIMAL, DAV_RESPONSE_TIMEOUT: text }).responseTimeoutMs).toBe(ms);
    });

    it('reads the other variables', () => {
      const dav = davConfig.read({
        ...MINIMAL,
        DAV_URL: 'https://dav.example.com/base//',
        DAV_TRUST_ALL_SSL_CERTS: 'true',
        DAV_IMIP_CALLBACK_RESPONSE_TIMEOUT: '3s',
        DAV_UPDATE_RETRY_MIN_BACKOFF_MS: '250',
      });
      expect(dav).toMatchObject({
        url: 'https://dav.example.com/base',
        trustAllCerts: true,
        imipCallbackResponseTimeoutMs: 3000,
        updateRetryMinBackoffMs: 250,
      });
    });
  });

  describe('readDurationMs', () => {
    it('returns the fallback when the variable is unset', () => {
      expect(readDurationMs({}, 'X', 's', 1234)).toBe(1234);
    });

    it('applies the default unit to bare numbers', () => {
      expect(readDurationMs({ X: '5' }, 'X', 's', 0)).toBe(5000);
      expect(readDurationMs({ X: '5' }, 'X', 'ms', 0)).toBe(5);
      expect(readDurationMs({ X: '5' }, 'X', 'h', 0)).toBe(5 * 3_600_000);
    });

    it('reads units and ISO-8601 durations', () => {
      expect(readDurationMs({ X: '2 hours' }, 'X', 's', 0)).toBe(7_200_000);
      expect(readDurationMs({ X: 'PT12H' }, 'X', 's', 0)).toBe(43_200_000);
    });

    it('namespace defaults', () => {
      const rabbitmq = rabbitmqConfig.read(MINIMAL);
      expect(rabbitmq.reconnection).toEqual({ enabled: true, intervalMs: 60_000, startDelayMs: 30_000 });
      expect(redisConfig.read({}).eventBusTimeoutMs).toBe(10_000);
      expect(opensearchConfig.read({}).requestTimeoutMs).toBe(30_000);
      expect(healthcheckConfig.read({}).periodMs).toBe(60_000);
    });

    it('namespace default units', () => {
      expect(
        rabbitmqConfig.read({ ...MINIMAL, RABBITMQ_RECONNECTION_INTERVAL: '2' }).reconnection.intervalMs,
      ).toBe(2000);
      expect(redisConfig.read({ REDIS_EVENTBUS_TIMEOUT: '250' }).eventBusTimeoutMs).toBe(250);
      expect(healthcheckConfig.read({ HEALTHCHECK_PERIOD: '120000' }).periodMs).toBe(120_000);
    });

    it('raises a health check period below 10 s to 10 s', () => {
      expect(healthcheckConfig.read({ HEALTHCHECK_PERIOD: '1s' }).periodMs).toBe(10_000);
      expect(healthcheckConfig.read({ HEALTHCHECK_PERIOD: '2m' }).periodMs).toBe(120_000);
    });
  });

  describe('opensearch', () => {
    it('completes host[:port] entries with the scheme and port 9200', () => {
      expect(opensearchConfig.read({ OPENSEARCH_HOSTS: 'a:9201,b' }).nodes).toEqual([
        'http://a:9201',
        'http://b:9200',
      ]);
    });

    it('applies OPENSEARCH_SCHEME and keeps full URLs', () => {
      expect(
        opensearchConfig.read({ OPENSEARCH_HOSTS: 'a, http://b:9300 ,https://c', OPENSEARCH_SCHEME: 'https' })
          .nodes,
      ).toEqual(['https://a:9200', 'http://b:9300', 'https://c']);
    });

    it('has no nodes when OPENSEARCH_HOSTS is unset', () => {
      expect(opensearchConfig.read({}).nodes).toBeUndefined();
    });

    it('has the index defaults of config.md §5', () => {
      const opensearch = opensearchConfig.read({});
      expect(opensearch).toMatchObject({ shards: 5, replicas: 1, sslValidation: 'default' });
      expect(opensearch.events).toEqual({
        index: 'calendar-events',
        readAlias: 'calendar-events-read',
        writeAlias: 'calendar-events-write',
        minNgram: 3,
        maxNgramDiff: 4,
        summaryPrefix: true,
        fuzzy: false,
        queryString: true,
      });
      expect(opensearch.contacts).toEqual({
        userIndex: 'user_contact',
        domainIndex: 'domain_contact',
        userReadAlias: 'user_contact_read_alias',
        userWriteAlias: 'user_contact_write_alias',
        domainReadAlias: 'domain_contact_read_alias',
        domainWriteAlias: 'domain_contact_write_alias',
        minNgram: 2,
        maxNgramDiff: 27,
      });
    });
  });

  describe('ldap', () => {
    it('is undefined without LDAP_URL', () => {
      expect(ldapConfig.read({})).toBeUndefined();
      expect(ldapConfig.read({ LDAP_USER_BASE: 'dc=x' })).toBeUndefined();
    });

    it('reads the connection settings when LDAP_URL is set', () => {
      expect(
        ldapConfig.read({
          LDAP_URL: 'ldap://a:389, ldaps://b:636',
          LDAP_BIND_DN: 'cn=admin,dc=twake,dc=test',
          LDAP_USER_BASE: 'ou=people,dc=twake,dc=test',
          LDAP_USER_OBJECT_CLASS: 'inetOrgPerson',
          LDAP_USER_ID_ATTRIBUTE: 'mail',
        }),
      ).toEqual({
        urls: ['ldap://a:389', 'ldaps://b:636'],
        bindDn: 'cn=admin,dc=twake,dc=test',
        bindPassword: undefined,
        userBase: 'ou=people,dc=twake,dc=test',
        userListBase: 'ou=people,dc=twake,dc=test',
        userObjectClass: 'inetOrgPerson',
        userIdAttribute: 'mail',
        filter: undefined,
        connectionTimeoutMs: 0,
        readTimeoutMs: 0,
        poolSize: 4,
        trustAllCerts: false,
        administratorId: undefined,
      });
    });
  });

  describe('app, auth, redis, webadmin', () => {
    it('app defaults and normalisation', () => {
      const app = appConfig.read({ ...MINIMAL, DOMAINS: 'Twake.TEST, other.example' });
      expect(app).toMatchObject({
        restApiPort: 8080,
        restApiHost: '0.0.0.0',
        selfUrl: 'http://127.0.0.1:8080',
        openpaasBackendTrustAllCerts: false,
        domains: ['twake.test', 'other.example'],
        logLevel: 'info',
        logPretty: false,
        exitOnStartupError: true,
      });
      expect(appConfig.read({ ...MINIMAL, REST_API_PORT: '9090' }).restApiPort).toBe(9090);
    });

    it('auth lower-cases the admin username', () => {
      expect(authConfig.read({ ...MINIMAL, ADMIN_USERNAME: 'Admin@Twake.TEST' })).toMatchObject({
        adminUsername: 'admin@twake.test',
        adminPassword: 'admin-secret',
        basicAuthEnabled: false,
        oidc: undefined,
        lemon: undefined,
        technicalToken: { secret: undefined, expirationSeconds: 3600 },
        jwt: { publicKeyPaths: [], validityMs: 12 * 3_600_000 },
      });
    });

    it('auth enables OIDC with both endpoints, with the spec defaults', () => {
      const auth = authConfig.read({
        ...MINIMAL,
        OIDC_USERINFO_URL: 'https://sso.test/userinfo',
        OIDC_INTROSPECT_URL: 'https://sso.test/introspect',
        JWT_VALIDITY: 'PT1H',
      });
      expect(auth.oidc).toMatchObject({
        claim: 'email',
        audiences: ['tcalendar'],
        cacheExpirationMs: 300_000,
        cacheMaxSize: 10_000,
      });
      expect(auth.jwt.validityMs).toBe(3_600_000);
    });

    it('reports OIDC and lemon settings given alone', () => {
      const problems = (() => {
        try {
          validateEnvironment(
            ALL_CONFIGS as readonly ConfigDefinition[],
            {
              ...MINIMAL,
              OIDC_USERINFO_URL: 'https://x.test/u',
              OIDC_LEMON_COOKIE_RESOLUTION_DOMAIN: 'x.test',
            },
            CROSS_CHECKS,
          );
          return [];
        } catch (error) {
          return (error as ConfigurationError).problems;
        }
      })();
      expect(problems).toEqual([
        'OIDC_USERINFO_URL and OIDC_INTROSPECT_URL go together: set both or neither',
        'OIDC_LEMON_COOKIE_RESOLUTION_URL and OIDC_LEMON_COOKIE_RESOLUTION_DOMAIN go together: set both or neither',
      ]);
    });

    it('redis is disabled without REDIS_URL and lists URLs otherwise', () => {
      expect(redisConfig.read({})).toMatchObject({
        urls: undefined,
        topology: 'standalone',
        tls: false,
        tlsSkipVerify: true,
      });
      expect(
        redisConfig.read({ REDIS_URL: 'redis://a:6379, redis://b:6379', REDIS_TOPOLOGY: 'Cluster' }),
      ).toMatchObject({
        urls: ['redis://a:6379', 'redis://b:6379'],
        topology: 'cluster',
      });
    });

    it('webadmin defaults and optional blocks', () => {
      expect(webadminConfig.read({})).toEqual({
        enabled: true,
        port: 8000,
        host: '127.0.0.1',
        tls: undefined,
        cors: undefined,
        jwt: undefined,
        passwords: { full: [], readOnly: [], noDelete: [] },
        generatePassword: false,
      });
      expect(
        webadminConfig.read({
          WEBADMIN_JWT_ENABLED: 'true',
          WEBADMIN_JWT_PUBLIC_KEY_PATH: '/etc/jwt.pem',
          WEBADMIN_CORS_ENABLED: 'true',
          WEBADMIN_PASSWORD: 'a,b',
        }),
      ).toMatchObject({
        jwt: { publicKeyPath: '/etc/jwt.pem' },
        cors: { origin: '*' },
        passwords: { full: ['a', 'b'] },
      });
    });
  });
});

describe('values fixed after review', () => {
  const base = {
    MONGO_URL: 'mongodb://127.0.0.1:27018',
    MONGO_DATABASE: 'db',
    RABBITMQ_URI: 'amqp://guest:guest@127.0.0.1:5673',
    RABBITMQ_MANAGEMENT_URI: 'http://127.0.0.1:15673',
    RABBITMQ_MANAGEMENT_USER: 'guest',
    RABBITMQ_MANAGEMENT_PASSWORD: 'guest',
    SELF_URL: 'http://localhost:8080',
    SPA_CALENDAR_URL: 'http://localhost/calendar',
    SPA_CONTACTS_URL: 'http://localhost/contacts',
    SPA_EXCAL_URL: 'http://localhost/excal',
    VISIO_URL: 'https://visio.example',
    DAV_URL: 'http://127.0.0.1:5232',
    DAV_ADMIN_USER: 'admin',
    DAV_ADMIN_PASSWORD: 'secret',
    ADMIN_USERNAME: 'admin@example.com',
    ADMIN_PASSWORD: 'secret',
  };

  it.each([
    'mongodb://h1:27017,h2:27017/db?replicaSet=rs0',
    'mongodb://user:p%40ss@h1,h2/db',
    'mongodb+srv://cluster0.example.net/db',
  ])('accepts the MongoDB connection string %s', (url) => {
    expect(() =>
      validateEnvironment(
        ALL_CONFIGS as readonly ConfigDefinition[],
        { ...base, MONGO_URL: url },
        CROSS_CHECKS,
      ),
    ).not.toThrow();
  });

  it('accepts ISO-8601 durations wherever a duration is expected', () => {
    expect(() =>
      validateEnvironment(
        ALL_CONFIGS as readonly ConfigDefinition[],
        { ...base, HEALTHCHECK_PERIOD: 'PT1M', DAV_RESPONSE_TIMEOUT: 'PT5S' },
        CROSS_CHECKS,
      ),
    ).not.toThrow();
    expect(davConfig.read({ ...base, DAV_RESPONSE_TIMEOUT: 'PT5S' }).responseTimeoutMs).toBe(5000);
  });

  it('gives an IPv6 OpenSearch host the default port and keeps an explicit one', () => {
    expect(opensearchConfig.read({ OPENSEARCH_HOSTS: '[::1],[::1]:9201' }).nodes).toEqual([
      'http://[::1]:9200',
      'http://[::1]:9201',
    ]);
  });

  it('defaults generic queues to classic and keeps the hostname verifier', () => {
    expect(rabbitmqConfig.read(base).quorumQueues).toBe(false);
    expect(
      opensearchConfig.read({ OPENSEARCH_HOSTNAME_VERIFIER: 'accept_any_hostname' }).hostnameVerifier,
    ).toBe('accept_any_hostname');
  });
});
