import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Unit tests in node; a component test asks for jsdom in its first line. The browser journey has its own config. */
export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
