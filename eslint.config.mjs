// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

// ESLint applies the last `no-restricted-imports` setting that matches a file, whole: each file group below lists
// every restriction that holds for it.

/** Libraries are the application's ports and adapters: they never reach back into it. */
const libsNeverImportApps = {
  group: ['**/apps/**', 'apps/*'],
  message: 'Libraries never import the application (apps/).',
};

const drivers = [
  'mongoose',
  'mongodb',
  'ioredis',
  'amqplib',
  'ldapts',
  '@opensearch-project/opensearch',
  'nodemailer',
].map((name) => ({ name, message: 'Drivers are used only inside libs/ adapters.' }));

const httpAndJose = ['undici', 'jose'].map((name) => ({
  name,
  message:
    'HTTP clients and JOSE are used only inside libs/ (UpstreamHttpClient in @app/http-client, @app/auth).',
}));

/** Adapters, schemas and mongoose details are internal to libs/persistence: its public entry is the only way in. */
const persistenceInternals = {
  group: ['@app/persistence/**', '**/libs/persistence/**'],
  message:
    'Import @app/persistence (module, ports, domain types); its adapters and schemas are internal (tests go through PersistenceModule).',
};

/** Inside libs/, outbound HTTP is @app/http-client's; the DAV client keeps its own tuned pool (streaming, DAV timeouts). */
const undiciOutsideHttpLibs = {
  name: 'undici',
  message:
    'Outbound HTTP goes through UpstreamHttpClient (@app/http-client); only it and libs/dav-client import undici.',
};

const icalJs = {
  name: 'ical.js',
  message: 'iCalendar is read through @app/ical (libs/ical), which also re-exports ICAL.',
};

/** `@Controller(...)` or a bare `@Controller` on a class. */
const controllerDecorator =
  "Decorator > CallExpression.expression[callee.name='Controller'], Decorator > Identifier.expression[name='Controller']";

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', '.stack/**', 'coverage/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [...drivers, ...httpAndJose, icalJs], patterns: [persistenceInternals] },
      ],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [undiciOutsideHttpLibs], patterns: [libsNeverImportApps, persistenceInternals] },
      ],
    },
  },
  {
    files: ['libs/http-client/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [libsNeverImportApps, persistenceInternals] }] },
  },
  {
    files: ['libs/persistence/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [undiciOutsideHttpLibs], patterns: [libsNeverImportApps] }],
    },
  },
  {
    // The core library holds errors and pure helpers: no infrastructure.
    files: ['libs/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...drivers, ...httpAndJose].map(({ name }) => ({
            name,
            message: '@app/core is infrastructure-free: drivers and HTTP clients live in their own libs/.',
          })),
          patterns: [libsNeverImportApps, persistenceInternals],
        },
      ],
    },
  },
  {
    files: ['libs/auth/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@app/persistence',
              importNames: ['NewUser', 'UserAlreadyExistsError'],
              message:
                "Authentication only authenticates: registering a user is the users feature's, behind the UserProvisioner port.",
            },
            undiciOutsideHttpLibs,
          ],
          patterns: [libsNeverImportApps, persistenceInternals],
        },
      ],
    },
  },
  {
    files: ['libs/dav-client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@app/auth',
              message:
                'The DAV client defines the ports it needs (DavTechnicalTokenIssuer); the auth library provides them.',
            },
          ],
          patterns: [libsNeverImportApps, persistenceInternals],
        },
      ],
    },
  },
  {
    // Controller file names: REST API controllers are `*.http.controller.ts`, webadmin controllers (under
    // apps/side-service/src/webadmin/) are `*.webadmin.controller.ts`; nothing else declares a Nest @Controller.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.http.controller.ts', 'apps/side-service/src/webadmin/**/*.webadmin.controller.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: controllerDecorator,
          message:
            'A file declaring a Nest @Controller is named *.http.controller.ts (REST API) or, under webadmin/, *.webadmin.controller.ts.',
        },
      ],
    },
  },
  {
    files: ['**/*.http.controller.ts', '**/*.webadmin.controller.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Decorator > CallExpression.expression[callee.name='Res'][arguments.length=0]",
          message:
            'Controllers return values (docs/architecture.md); @Res({ passthrough: true }) only for a header or status computed per request.',
        },
        {
          // A whole body or query is a DTO class (checked by the global validation pipe, read by the OpenAPI document).
          selector:
            'Identifier:has(Decorator > CallExpression.expression[callee.name=/^(Body|Query)$/][arguments.length=0]) > TSTypeAnnotation > :not(TSTypeReference[typeName.name=/Dto$/])',
          message:
            'Request bodies and query strings are DTO classes named *Dto (docs/architecture.md), not unknown, Record or inline types.',
        },
        {
          selector: 'Decorator > CallExpression.expression[callee.name=/^(Body|Query)$/][arguments.length>0]',
          message:
            'Read the whole body or query string into a DTO (@Body() dto: XRequestDto / @Query() query: XRequestDto), not one property at a time.',
        },
      ],
    },
  },
  {
    files: ['apps/side-service/src/webadmin/**/*.http.controller.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: controllerDecorator,
          message: 'Webadmin controllers are named *.webadmin.controller.ts.',
        },
      ],
    },
  },
  {
    // Tests and benchmarks use drivers directly (raw reads of what the service stored), not persistence internals.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'test/**/*.mjs', 'bench/**/*.mjs'],
    rules: { 'no-restricted-imports': ['error', { patterns: [persistenceInternals] }] },
  },
  {
    // Plain ES modules the benchmarks start in their own Node processes (load generators, sinks, stand-ins).
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
