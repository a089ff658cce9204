import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The BFF serves everything on one origin in production; the dev server proxies to it.
const bff = process.env.MOSAIC_BFF_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': bff,
      '/graphql': bff,
      '/apps': bff,
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
