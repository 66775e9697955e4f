import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * Settings every package's tests share.
 *
 * graphql 16 ships a CommonJS build (`main`) and an ES build (`module`). Node loads the CommonJS
 * one for every library (Apollo, graphql-ws), but Vite would hand our own code the ES one: two
 * copies of the `GraphQLError` class, and `instanceof` checks across them fail. Pinning `graphql`
 * to the file Node picks gives tests the single copy production has.
 */
export default defineConfig({
  resolve: {
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
