/** Three tiers, all on real services: *.spec.ts (pure logic), *.int-spec.ts (adapters, handlers), *.e2e-spec.ts (apps). */
const aliases = ['core', 'config', 'persistence', 'observability', 'messaging', 'cache', 'search', 'directory', 'dav-client', 'testing', 'auth', 'mail', 'ical', 'event-bus', 'http-client'];

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The second engine's run (scripts/test.sh) is the persistence contract: integration suites only.
  testRegex:
    process.env.TEST_MONGO_ENGINE === 'mongo-java-server' ? '.*\\.int-spec\\.ts$' : '.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tools/', '/.stack/'],
  // Transpile only (types are checked by `npm run typecheck`): fast, and no native binaries.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }] },
  moduleNameMapper: Object.fromEntries(aliases.map((name) => [`^@app/${name}$`, `<rootDir>/libs/${name}/src`])),
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  setupFiles: ['<rootDir>/test/setup/test-env.ts'],
  testTimeout: 30000,
};
