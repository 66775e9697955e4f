/**
 * The engine as its own process for the gRPC benchmarks, so client and server do not share an
 * event loop. Prints `{"port": n}` once listening; stops on SIGTERM.
 */
import { EngineClient, startEngine } from '../src/index.js';
import type { WaitStrategyName } from '../src/ring/index.js';

const engine = await startEngine({ port: 0, host: '127.0.0.1', shards: Number(process.env['BENCH_SHARDS'] ?? 1), waitStrategy: (process.env['BENCH_WAIT'] ?? 'idle') as WaitStrategyName, historyPerShard: 1024 });
const client = new EngineClient(`127.0.0.1:${engine.port}`);
await client.setRiskLimits({ accountId: '', maxOrderQuantity: '0', maxOrderNotional: '0', priceBandBps: 0, maxOpenOrders: 0, maxPosition: '0' });
client.close();
console.log(JSON.stringify({ port: engine.port }));
process.once('SIGTERM', () => void engine.close().then(() => process.exit(0)));
