import { Worker } from 'node:worker_threads';

const bootstrap = new URL('./tsWorkerBootstrap.js', import.meta.url);

/**
 * Starts `entry` (a `.ts` module URL) in a worker thread through the tsx bootstrap; the entry
 * reads its own start-up data from `workerData.data`.
 */
export function startTsWorker(entry: URL, data: unknown, name: string): Worker {
  return new Worker(bootstrap, { workerData: { entry: entry.href, data }, name });
}
