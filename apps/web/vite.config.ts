import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` against a running stack: the API and the pushes are proxied, so the console keeps one origin.
const api = process.env.FINSTACK_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': api,
      '/socket.io': { target: api, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
});
