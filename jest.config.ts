import type { Config } from 'jest';

// Two projects: `unit` (pure logic, no I/O beyond in-process simulators) and `integration`
// (a real embedded Postgres started once by globalSetup, one database per Jest worker).
const swc: Config['transform'] = {
  '^.+\\.c?(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

// ESM-only packages that Jest (CommonJS) must transform.
const esmPackages = ['@react-email', 'pg-boss', 'non-error', 'jose', 'cockatiel', 'shippo', 'serialize-error', 'p-map', 'uuid'];

const shared: Config = {
  transform: swc,
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/$1',
    '^server-only$': '<rootDir>/tests/stubs/server-only.ts',
  },
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/tests/setup/env.ts'],
};

const config: Config = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts?(x)'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts?(x)'],
      globalSetup: '<rootDir>/tests/setup/global-setup.ts',
      globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
      setupFiles: ['<rootDir>/tests/setup/env.ts', '<rootDir>/tests/setup/worker-database.ts'],
    },
  ],
  maxWorkers: 2,
  testTimeout: 60_000,
};

export default config;
