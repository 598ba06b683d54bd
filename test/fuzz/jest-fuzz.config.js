/** `npm run test:fuzz`: the fuzz suites at full budget (the HTTP one also runs as a smoke in `npm test`). */
const e2e = require('../jest-e2e.config');

module.exports = {
  ...e2e,
  rootDir: '../..',
  roots: ['<rootDir>/test/fuzz'],
  testRegex: '\\.(e2e|fuzz)-spec\\.ts$',
  testTimeout: 600_000,
};
