import { graphqlDocumentsPlugin } from '@mosaic/build-kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `.graphql` imports as the build gives them (the operation's id, name and text).
  plugins: [graphqlDocumentsPlugin({ emit: false })],
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
