import { describe, expect, it } from 'vitest';
import { EngineConfigError, loadEngineConfig } from '../src/config.js';
import { fnv1a32, shardOf } from '../src/shard/routing.js';

describe('symbol routing', () => {
  it('is the standard FNV-1a 32-bit hash, stable across processes', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('keeps every symbol on one shard and spreads symbols over all shards', () => {
    const symbols = Array.from({ length: 200 }, (_, i) => `SYM${i}`);
    expect(symbols.map((symbol) => shardOf(symbol, 4))).toEqual(symbols.map((symbol) => shardOf(symbol, 4)));
    expect(new Set(symbols.map((symbol) => shardOf(symbol, 4)))).toEqual(new Set([0, 1, 2, 3]));
  });
});

describe('engine configuration', () => {
  it('has defaults', () => {
    expect(loadEngineConfig({})).toMatchObject({ port: 50_052, waitStrategy: 'idle', shards: expect.any(Number) as number });
  });

  it('reads ENGINE_* variables', () => {
    expect(loadEngineConfig({ ENGINE_PORT: '6000', ENGINE_SHARDS: '3', ENGINE_WAIT_STRATEGY: 'latency' })).toMatchObject({ port: 6000, shards: 3, waitStrategy: 'latency' });
  });

  it('fails fast naming the bad variable', () => {
    expect(() => loadEngineConfig({ ENGINE_PORT: '70000' })).toThrow(EngineConfigError);
    expect(() => loadEngineConfig({ ENGINE_PORT: '70000' })).toThrow(/ENGINE_PORT/);
    expect(() => loadEngineConfig({ ENGINE_WAIT_STRATEGY: 'fast' })).toThrow(/ENGINE_WAIT_STRATEGY/);
    expect(() => loadEngineConfig({ ENGINE_SHARDS: '0' })).toThrow(/ENGINE_SHARDS/);
  });

  it('serves /metrics on ENGINE_METRICS_PORT, 9464 by default, 0 for a free port', () => {
    expect(loadEngineConfig({})).toMatchObject({ metricsPort: 9464, metricsToken: undefined });
    expect(loadEngineConfig({ ENGINE_METRICS_PORT: '9100' })).toMatchObject({ metricsPort: 9100 });
    expect(loadEngineConfig({ ENGINE_METRICS_PORT: '0' })).toMatchObject({ metricsPort: 0 });
    expect(loadEngineConfig({ METRICS_TOKEN: 'scraper-token-0123456789' })).toMatchObject({ metricsToken: 'scraper-token-0123456789' });
  });

  it('names Kafka topics with KAFKA_TOPIC_PREFIX, mib. by default, as the subgraphs do', () => {
    expect(loadEngineConfig({})).toMatchObject({ kafkaBrokers: [], kafkaTopicPrefix: 'mib.' });
    expect(loadEngineConfig({ KAFKA_BROKERS: 'a:9092,b:9092', KAFKA_TOPIC_PREFIX: 'staging.' })).toMatchObject({ kafkaBrokers: ['a:9092', 'b:9092'], kafkaTopicPrefix: 'staging.' });
  });

  it('fails naming ENGINE_METRICS_PORT or METRICS_TOKEN when invalid', () => {
    for (const bad of ['70000', '-1', '1.5', 'metrics']) {
      expect(() => loadEngineConfig({ ENGINE_METRICS_PORT: bad })).toThrow(EngineConfigError);
      expect(() => loadEngineConfig({ ENGINE_METRICS_PORT: bad })).toThrow(/ENGINE_METRICS_PORT/);
    }
    expect(() => loadEngineConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});
