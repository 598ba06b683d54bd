import { defineConfig } from 'vitest/config';

/** `npm run bench:web`: one run in Chromium against a stack started as npm start starts it. */
export default defineConfig({
  test: { environment: 'node', include: ['bench/**/*.bench.run.ts'], testTimeout: 600_000, hookTimeout: 180_000 },
});
