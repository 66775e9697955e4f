// Starts a TypeScript worker-thread entry point. The engine runs TypeScript through tsx without
// a build, but on Node 20 a worker does not inherit tsx's module hooks: neither
// `node --import tsx` (execArgv is inherited, yet the hooks are not applied to
// `new Worker(new URL('./x.ts', ...))`: "Unknown file extension .ts") nor an explicit
// `execArgv: ['--import', 'tsx']` works, and vitest's own transform never reaches workers.
// Registering tsx's ESM hooks from plain JavaScript inside the worker and then importing the
// `.ts` entry works in all three settings (tsx CLI, node --import tsx, vitest), so every worker
// starts here with `workerData.entry` naming the module to run.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
