import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  extractTraceContext,
  extractTraceMetadata,
  injectTraceContext,
  injectTraceMetadata,
  startTracing,
  tracerFor,
  tracingEnabled,
  type MetadataCarrier,
  type Tracing,
} from '../src/index.js';

let tracing: Tracing | undefined;
afterEach(async () => {
  await tracing?.shutdown();
  tracing = undefined;
  vi.unstubAllEnvs();
});

/** A stand-in OTLP/HTTP collector: the JSON bodies POSTed to /v1/traces. */
async function startCollector() {
  const received: { path: string; body: string }[] = [];
  const arrived: (() => void)[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      arrived.splice(0).forEach((resolve) => resolve());
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    next: () => new Promise<void>((resolve) => arrived.push(resolve)),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** gRPC-style metadata over a map, as `@grpc/grpc-js`'s `Metadata` behaves for text keys. */
function metadata(): MetadataCarrier & { values: Map<string, string[]> } {
  const values = new Map<string, string[]>();
  return {
    values,
    get: (key) => values.get(key) ?? [],
    set: (key, value) => void values.set(key, [value]),
    getMap: () => Object.fromEntries([...values].map(([key, [value]]) => [key, value])),
  };
}

describe('startTracing', () => {
  it('registers nothing while OTEL_EXPORTER_OTLP_ENDPOINT is unset', () => {
    vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', '');
    vi.stubEnv('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', '');
    tracing = startTracing({ serviceName: 'quiet' });
    expect(tracing.enabled).toBe(false);
    expect(tracingEnabled()).toBe(false);
    const span = tracerFor('quiet').startSpan('nothing');
    expect(span.isRecording()).toBe(false);
    const headers: Record<string, string> = {};
    context.with(trace.setSpan(context.active(), span), () => injectTraceContext(headers));
    expect(headers).toEqual({});
  });

  it('stays off with OTEL_SDK_DISABLED=true even when an endpoint is set', () => {
    vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', 'http://127.0.0.1:4318');
    vi.stubEnv('OTEL_SDK_DISABLED', 'true');
    tracing = startTracing({ serviceName: 'quiet' });
    expect(tracing.enabled).toBe(false);
  });

  it('fails fast naming an unknown sampler', () => {
    vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', 'http://127.0.0.1:4318');
    vi.stubEnv('OTEL_TRACES_SAMPLER', 'sometimes');
    expect(() => startTracing({ serviceName: 'gateway' })).toThrow(/OTEL_TRACES_SAMPLER/);
    expect(tracingEnabled()).toBe(false);
  });

  it('exports spans over OTLP/HTTP to the endpoint, named by OTEL_SERVICE_NAME over the default', async () => {
    const collector = await startCollector();
    try {
      vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', collector.url);
      vi.stubEnv('OTEL_SERVICE_NAME', 'renamed-gateway');
      tracing = startTracing({ serviceName: 'gateway' });
      expect(tracingEnabled()).toBe(true);
      tracerFor('gateway').startSpan('query Dashboard').end();
      const arrived = collector.next();
      await tracing.forceFlush();
      await arrived;
      const [{ path, body } = { path: '', body: '' }] = collector.received;
      expect(path).toBe('/v1/traces');
      expect(body).toContain('"query Dashboard"');
      expect(body).toContain('{"key":"service.name","value":{"stringValue":"renamed-gateway"}}');
      expect(body).toContain('"name":"gateway"');
    } finally {
      await tracing?.shutdown();
      await collector.close();
    }
  });

  it('honours OTEL_TRACES_SAMPLER: always_off records nothing', () => {
    vi.stubEnv('OTEL_TRACES_SAMPLER', 'always_off');
    tracing = startTracing({ serviceName: 'sampled', spanExporter: new InMemorySpanExporter() });
    expect(tracerFor('sampled').startSpan('dropped').isRecording()).toBe(false);
  });

  it('refuses a second start in the same process', () => {
    tracing = startTracing({ serviceName: 'once', spanExporter: new InMemorySpanExporter() });
    expect(() => startTracing({ serviceName: 'twice', spanExporter: new InMemorySpanExporter() })).toThrow(
      /already started/,
    );
  });
});

describe('W3C trace context propagation', () => {
  it('carries the active span through headers to a child in one trace', () => {
    const exporter = new InMemorySpanExporter();
    tracing = startTracing({ serviceName: 'propagation', spanExporter: exporter });
    const tracer = tracerFor('propagation');
    const caller = tracer.startSpan('caller');
    const headers: Record<string, string> = {};
    injectTraceContext(headers, trace.setSpan(context.active(), caller));
    expect(headers['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);

    // As node:http hands them over: lower-case, possibly repeated.
    const callee = tracer.startSpan(
      'callee',
      {},
      extractTraceContext({ traceparent: [headers['traceparent'] ?? ''] }),
    );
    callee.end();
    caller.end();
    const [calleeSpan, callerSpan] = exporter.getFinishedSpans();
    expect(calleeSpan?.spanContext().traceId).toBe(callerSpan?.spanContext().traceId);
    expect(calleeSpan?.parentSpanContext?.spanId).toBe(callerSpan?.spanContext().spanId);
  });

  it('carries it through gRPC metadata too', () => {
    tracing = startTracing({ serviceName: 'propagation', spanExporter: new InMemorySpanExporter() });
    const caller = tracerFor('propagation').startSpan('caller');
    const call = metadata();
    injectTraceMetadata(call, trace.setSpan(context.active(), caller));
    expect(call.values.get('traceparent')).toHaveLength(1);
    const continued = trace.getSpanContext(extractTraceMetadata(call));
    expect(continued).toMatchObject({
      traceId: caller.spanContext().traceId,
      spanId: caller.spanContext().spanId,
    });
  });
});
