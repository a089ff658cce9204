import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // PGlite's first start runs initdb (a few seconds); later opens are fast.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
