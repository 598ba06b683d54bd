/** End-to-end tests: real processes over real TCP against a real database (E2E_DB=mysql|sqlite). */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('../tsconfig.json');

module.exports = {
  rootDir: '..',
  roots: ['<rootDir>/test'],
  testRegex: '\\.e2e-spec\\.ts$',
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
  testTimeout: 60_000,
  // Every response the tests' ApiClient gets is checked against docs/openapi.json; this counts them.
  setupFilesAfterEnv: ['<rootDir>/test/contract/count-validations.setup.ts'],
  globalSetup: '<rootDir>/test/contract/global-setup.ts',
  globalTeardown: '<rootDir>/test/contract/global-teardown.ts',
};
