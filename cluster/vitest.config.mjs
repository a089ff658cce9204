import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    // One suite starts the whole topology once; its hooks and tests carry their own timeouts.
    testTimeout: 90_000,
    hookTimeout: 240_000,
  },
});
