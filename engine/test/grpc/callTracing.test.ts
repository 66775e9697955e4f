import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { recordSpans, type RecordedSpans } from '@mib/telemetry/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderBatchBuilder } from '../../src/index.js';
import { reportOf, startEngineFixture, type EngineFixture } from '../fixtures/engineFixture.js';

/** The spans with `name`, once `count` of them have ended (the server ends its span as it sends the status, the client on receiving it). */
async function spansNamed(spans: RecordedSpans, name: string, count: number) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = spans.finished().filter((span) => span.name === name);
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`${found.length} of ${count} ${name} spans ended`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('engine call tracing', () => {
  let spans: RecordedSpans;
  let fixture: EngineFixture;
  beforeAll(async () => {
    // Tracing first: the server and the client decide at start-up whether to trace.
    spans = recordSpans('engine-test');
    fixture = await startEngineFixture({ heartbeatMs: 0 });
  });
  afterAll(async () => {
    await fixture?.close();
    await spans?.[Symbol.asyncDispose]();
  });

  it("records a client span and the engine's server span in the caller's trace", async () => {
    const caller = trace.getTracer('test').startSpan('resolve placeOrder');
    await context.with(trace.setSpan(context.active(), caller), () =>
      fixture.client.submitOrder({ symbol: 'MSFT', accountId: 'traced-1', side: 'BUY', type: 'LIMIT', price: '400.10', quantity: '5' }),
    );
    caller.end();
    const method = 'mib.engine.v1.MatchingEngine/SubmitOrder';
    const [client] = (await spansNamed(spans, method, 2)).filter((span) => span.kind === SpanKind.CLIENT);
    const [server] = spans.finished().filter((span) => span.name === method && span.kind === SpanKind.SERVER);
    expect(client?.instrumentationScope.name).toBe('engine-client');
    expect(server?.instrumentationScope.name).toBe('engine');
    expect(client?.spanContext().traceId).toBe(caller.spanContext().traceId);
    expect(client?.parentSpanContext?.spanId).toBe(caller.spanContext().spanId);
    expect(server?.spanContext().traceId).toBe(caller.spanContext().traceId);
    expect(server?.parentSpanContext?.spanId).toBe(client?.spanContext().spanId);
    expect(server?.attributes).toMatchObject({ 'rpc.system.name': 'grpc', 'rpc.method': method, 'rpc.status_code': 'OK' });
    expect(client?.attributes).toMatchObject({ 'rpc.status_code': 'OK', 'server.address': '127.0.0.1' });
  });

  it('marks a refused call on the client, but not as a server failure', async () => {
    const result = await fixture.client.submitOrder({ symbol: 'NOPE', accountId: 'traced-2', side: 'BUY', type: 'LIMIT', price: '1', quantity: '1' });
    expect(result.kind).toBe('rejected');
    const method = 'mib.engine.v1.MatchingEngine/SubmitOrder';
    const refused = (await spansNamed(spans, method, 4)).slice(-2);
    const client = refused.find((span) => span.kind === SpanKind.CLIENT);
    const server = refused.find((span) => span.kind === SpanKind.SERVER);
    expect(client?.status.code).toBe(SpanStatusCode.ERROR);
    expect(server?.attributes['rpc.status_code']).toBe('NOT_FOUND');
    expect(server?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('records one server span per order batch stream, not one per order', async () => {
    const method = 'mib.engine.v1.MatchingEngine/SubmitOrders';
    const stream = fixture.client.submitOrders();
    for (const round of [1, 2]) {
      const batch = new OrderBatchBuilder();
      for (let i = 0; i < 50; i++) batch.add({ symbol: 'AAPL', accountId: `batch-${round}-${i}`, side: 'BUY', type: 'LIMIT', price: '100', quantity: '1' });
      await stream.submit(batch.build());
    }
    await stream.end();
    await spansNamed(spans, method, 2);
    const [client, server] = [SpanKind.CLIENT, SpanKind.SERVER].map((kind) => spans.finished().filter((span) => span.name === method && span.kind === kind));
    expect(client).toHaveLength(1);
    expect(server).toHaveLength(1);
  });

  it('does not trace health checks', async () => {
    expect(await fixture.client.checkHealth()).toBe('SERVING');
    reportOf(await fixture.client.submitOrder({ symbol: 'MSFT', accountId: 'traced-3', side: 'SELL', type: 'LIMIT', price: '500', quantity: '1' }));
    await spansNamed(spans, 'mib.engine.v1.MatchingEngine/SubmitOrder', 6);
    expect(spans.finished().some((span) => span.name.startsWith('grpc.health'))).toBe(false);
  });
});
