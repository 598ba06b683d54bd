import { defineConfig } from 'vitest/config';

/** The browser journey: Debian's Chromium through playwright-core, against a stack started as `npm start` starts it. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 240_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // The journey's steps build on each other: after the first failure the rest only time out.
    bail: 1,
  },
});
