import { defineConfig } from 'vitest/config';

// Screens render in happy-dom, like the kit's own tests; logic tests do not mind it.
export default defineConfig({
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
