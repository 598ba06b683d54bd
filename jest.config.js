/** Unit specs: next to the code in apps/, libs/ and scripts/, the compose file's in test/compose/ and the docs' in test/docs/. */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

module.exports = {
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/scripts', '<rootDir>/test/compose', '<rootDir>/test/docs'],
  testRegex: '\\.spec\\.ts$',
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
  // The web console has its own runner (Vitest) and node_modules.
  modulePathIgnorePatterns: ['<rootDir>/apps/web/'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
};
