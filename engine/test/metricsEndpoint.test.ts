import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessEventBus } from '@mib/events';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OrderBatchBuilder, type SubmitOrderRequest } from '../src/index.js';
import { rejectionOf, reportOf, startEngineFixture, type EngineFixture } from './fixtures/engineFixture.js';
import { getMetricsEndpoint, scrape, valueOf } from './fixtures/scrapeMetrics.js';

const order = (overrides: Partial<SubmitOrderRequest>): SubmitOrderRequest => ({
  symbol: 'MSFT',
  accountId: 'metrics-1',
  side: 'BUY',
  type: 'LIMIT',
  price: '400.10',
  quantity: '5',
  ...overrides,
});

describe('the engine metrics endpoint', () => {
  let fixture: EngineFixture;
  let metricsPort: number;
  beforeAll(async () => {
    // No heartbeat: its candle closes would add events the test does not make.
    fixture = await startEngineFixture({ metricsPort: 0, heartbeatMs: 0 });
    metricsPort = fixture.engine.metricsPort!;
    const { client } = fixture;
    reportOf(await client.submitOrder(order({ accountId: 'metrics-maker', side: 'SELL' })));
    reportOf(await client.submitOrder(order({ accountId: 'metrics-taker', side: 'BUY' })));
    rejectionOf(await client.submitOrder(order({ accountId: 'metrics-bad', price: '0' })));
    const resting = reportOf(
      await client.submitOrder(order({ symbol: 'GOOGL', price: '150', quantity: '1' })),
    );
    reportOf(await client.cancelOrder({ symbol: 'GOOGL', accountId: 'metrics-1', orderId: resting.orderId }));
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('reports the bound port', () => {
    expect(metricsPort).toBeGreaterThan(0);
    expect(metricsPort).not.toBe(fixture.engine.port);
  });

  it('exposes the registry /metrics serves', async () => {
    const commands = await fixture.engine.metrics?.getSingleMetric('engine_commands_total')?.get();
    expect(commands?.values.find(({ labels }) => labels['kind'] === 'SUBMIT' && labels['outcome'] === 'accepted')?.value).toBe(3);
  });

  it('counts commands by kind and outcome, and rejects by reason', async () => {
    const samples = await scrape(metricsPort);
    const commands = (kind: string, outcome: string) =>
      valueOf(samples, 'engine_commands_total', { kind, outcome });
    expect(commands('SUBMIT', 'accepted')).toBe(3);
    expect(commands('SUBMIT', 'rejected')).toBe(1);
    expect(commands('SUBMIT', 'failed')).toBe(0);
    expect(commands('CANCEL', 'accepted')).toBe(1);
    expect(commands('AMEND', 'accepted')).toBe(0);
    expect(valueOf(samples, 'engine_rejects_total', { reason: 'INVALID_PRICE' })).toBe(1);
    expect(valueOf(samples, 'engine_rejects_total', { reason: 'UNKNOWN_SYMBOL' })).toBe(0);
    expect(samples.find((sample) => sample.name === 'engine_commands_total')?.labels).toMatchObject({
      service: 'engine',
    });
  });

  it('counts events by type and trades', async () => {
    const samples = await scrape(metricsPort);
    const events = (type: string) => valueOf(samples, 'engine_events_total', { type });
    // Maker, taker and the GOOGL order accepted; maker and taker filled by the one trade.
    expect(events('ORDER_ACCEPTED')).toBe(3);
    expect(events('ORDER_FILLED')).toBe(2);
    expect(events('ORDER_PARTIALLY_FILLED')).toBe(0);
    expect(events('ORDER_REJECTED')).toBe(1);
    expect(events('ORDER_CANCELLED')).toBe(1);
    expect(events('TRADE')).toBe(1);
    expect(events('QUOTE')).toBeGreaterThan(0);
    expect(valueOf(samples, 'engine_trades_total')).toBe(1);
  });

  it('counts gRPC calls by method and status code, and times them', async () => {
    const samples = await scrape(metricsPort);
    const calls = (method: string, code: string) =>
      valueOf(samples, 'engine_grpc_requests_total', { method, code });
    expect(calls('SubmitOrder', 'OK')).toBe(3);
    expect(calls('SubmitOrder', 'INVALID_ARGUMENT')).toBe(1);
    expect(calls('CancelOrder', 'OK')).toBe(1);
    expect(valueOf(samples, 'engine_grpc_request_duration_seconds_count', { method: 'SubmitOrder' })).toBe(4);
  });

  it('reports every shard alive and each shard’s rings', async () => {
    const samples = await scrape(metricsPort);
    expect(valueOf(samples, 'engine_shards')).toBe(2);
    expect(valueOf(samples, 'engine_shards_alive')).toBe(2);
    expect(valueOf(samples, 'engine_ring_capacity_slots')).toBe(65_536);
    for (const shard of ['0', '1']) {
      expect(valueOf(samples, 'engine_ring_used_slots', { shard, ring: 'command' })).toBe(0);
      expect(valueOf(samples, 'engine_ring_used_slots', { shard, ring: 'event' })).toBe(0);
      expect(valueOf(samples, 'engine_commands_queued', { shard })).toBe(0);
    }
    // Without an event bus there is no publish lag to report.
    expect(valueOf(samples, 'engine_event_publish_lag_events', { shard: '0' })).toBeUndefined();
  });

  it('counts a SubmitOrders batch once, and its orders by outcome', async () => {
    const stream = fixture.client.submitOrders();
    const batch = new OrderBatchBuilder()
      .add({
        symbol: 'AAPL',
        accountId: 'metrics-bulk',
        side: 'BUY',
        type: 'LIMIT',
        price: '1',
        quantity: '1',
      })
      .add({
        symbol: 'NOPE',
        accountId: 'metrics-bulk',
        side: 'BUY',
        type: 'LIMIT',
        price: '1',
        quantity: '1',
      })
      .build();
    expect(await stream.submit(batch)).toMatchObject({ accepted: 1, rejected: 1 });
    await stream.end();
    const samples = await scrape(metricsPort);
    expect(valueOf(samples, 'engine_order_batches_total')).toBe(1);
    expect(valueOf(samples, 'engine_commands_total', { kind: 'SUBMIT', outcome: 'accepted' })).toBe(4);
    expect(valueOf(samples, 'engine_commands_total', { kind: 'SUBMIT', outcome: 'rejected' })).toBe(2);
    expect(valueOf(samples, 'engine_rejects_total', { reason: 'UNKNOWN_SYMBOL' })).toBe(1);
    expect(valueOf(samples, 'engine_grpc_requests_total', { method: 'SubmitOrders', code: 'OK' })).toBe(1);
  });

  it('answers /health 200 with every shard alive and gRPC serving', async () => {
    const response = await getMetricsEndpoint(metricsPort, '/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      service: 'engine',
      status: 'ok',
      checks: {
        shards: { ok: true, detail: '2 of 2 shard workers alive' },
        grpc: { ok: true, detail: 'SERVING' },
      },
    });
  });
});

describe('the engine metrics endpoint with METRICS_TOKEN', () => {
  const token = 'engine-scraper-token-0123';
  let fixture: EngineFixture;
  beforeAll(async () => {
    fixture = await startEngineFixture({ metricsPort: 0, metricsToken: token, shards: 1 });
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('answers /metrics 401 without the bearer token and 200 with it', async () => {
    const port = fixture.engine.metricsPort!;
    const refused = await getMetricsEndpoint(port, '/metrics');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    expect((await getMetricsEndpoint(port, '/metrics', 'wrong-token-0123456789')).status).toBe(401);
    expect(valueOf(await scrape(port, token), 'engine_shards_alive')).toBe(1);
  });

  it('tells /health callers without the token only the status', async () => {
    const response = await getMetricsEndpoint(fixture.engine.metricsPort!, '/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ service: 'engine', status: 'ok' });
  });
});

describe('an engine without metricsPort', () => {
  it('opens no metrics endpoint', async () => {
    const fixture = await startEngineFixture({ shards: 1 });
    try {
      expect(fixture.engine.metricsPort).toBeUndefined();
    } finally {
      await fixture.close();
    }
  });
});

describe('the journal metrics', () => {
  it('time group commits of a journaled engine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mib-engine-metrics-'));
    const fixture = await startEngineFixture({ metricsPort: 0, shards: 1, journalDir: dir });
    try {
      reportOf(await fixture.client.submitOrder(order({ accountId: 'journaled' })));
      const samples = await scrape(fixture.engine.metricsPort!);
      expect(valueOf(samples, 'engine_journal_commit_duration_seconds_count')).toBeGreaterThanOrEqual(1);
      expect(valueOf(samples, 'engine_snapshot_write_duration_seconds_count')).toBe(0);
    } finally {
      await fixture.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the publish lag', () => {
  it('counts per shard the events the bus has not acknowledged yet', async () => {
    const bus = new InProcessEventBus({ logger: pino({ level: 'silent' }) });
    let releaseBus!: () => void;
    const busHeld = new Promise<void>((resolve) => (releaseBus = resolve));
    const publish = bus.publish.bind(bus);
    bus.publish = async (events) => {
      await busHeld;
      return publish(events);
    };
    const fixture = await startEngineFixture({ metricsPort: 0, shards: 1, heartbeatMs: 0, eventBus: bus });
    try {
      const port = fixture.engine.metricsPort!;
      reportOf(await fixture.client.submitOrder(order({ accountId: 'lagging' })));
      // ORDER_ACCEPTED and QUOTE wait behind the held bus.
      expect(valueOf(await scrape(port), 'engine_event_publish_lag_events', { shard: '0' })).toBe(2);
      releaseBus();
      await vi.waitFor(async () => {
        expect(valueOf(await scrape(port), 'engine_event_publish_lag_events', { shard: '0' })).toBe(0);
      });
    } finally {
      releaseBus();
      await fixture.close();
      await bus.close();
    }
  });
});
