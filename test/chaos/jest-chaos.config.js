/** Chaos tests (npm run test:chaos): processes killed and restarted under load. Slow, so not part of npm test. */
const e2e = require('../jest-e2e.config.js');

module.exports = {
  ...e2e,
  rootDir: '../..',
  roots: ['<rootDir>/test/chaos'],
  testRegex: '\\.chaos-spec\\.ts$',
  testTimeout: 180_000,
};
