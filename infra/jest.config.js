/**
 * The infra program's unit tests: the Pulumi program under `pulumi.runtime.setMocks`,
 * asserting on the inputs of the resources it registers. Run by the root's jest
 * (`npm run test:infra`); @pulumi/* resolve from infra/node_modules.
 */
module.exports = {
  rootDir: __dirname,
  roots: ['<rootDir>/test'],
  testRegex: '\\.test\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  testEnvironment: 'node',
};
