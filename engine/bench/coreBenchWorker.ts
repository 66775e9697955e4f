/** Runs the core's own benchmarks (core.ts) inside a worker thread, as a shard would run. */
import { parentPort, workerData } from 'node:worker_threads';
import { benchCore, type CoreBenchOptions } from './core.js';

const { data } = workerData as { data: CoreBenchOptions };
parentPort?.postMessage(await benchCore(data));
