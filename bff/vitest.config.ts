import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'app/**/*.test.ts', 'config/**/*.test.ts'],
    // Each suite boots the BFF and real services over HTTP.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
