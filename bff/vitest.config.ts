import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node runs graphql's CommonJS build (its package has no `exports`), and graphql-jit requires
    // it; Vite would pick the `module` build for our own files, a second graphql that the first
    // refuses ("Cannot use GraphQLSchema from another module or realm").
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts', 'app/**/*.test.ts', 'config/**/*.test.ts'],
    // Each suite boots the BFF and real services over HTTP.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
