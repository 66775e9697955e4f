import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file creates and migrates its own PostgreSQL database, which takes a few seconds.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
