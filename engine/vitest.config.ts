import { defineConfig } from 'vitest/config';

/**
 * Engine tests start worker threads and gRPC servers on port 0. Workers load TypeScript through
 * src/shard/tsWorkerBootstrap.js (tsx registered inside the worker), so vitest's own transform is
 * not needed for them. Timeouts are generous because the machine's 2 cores are shared.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
