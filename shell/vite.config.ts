import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompressPlugin } from './precompress-plugin.js';

// The BFF serves everything on one origin in production; the dev server proxies to it.
const bff = process.env.MOSAIC_BFF_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), precompressPlugin()],
  build: {
    rolldownOptions: {
      output: {
        // React changes rarely and is shared with apps: its own long-cached file. qiankun
        // (with lodash) is a lazy chunk of its own, so sign-in never downloads it.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': bff,
      '/graphql': bff,
      '/apps': bff,
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
