import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetricsRegistry, Counter, observabilityRoutes, type HealthCheck } from '../src/index.js';

const servers: { close(): void }[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

async function serve(checks: Record<string, HealthCheck>) {
  const registry = createMetricsRegistry('test-service', { defaultMetrics: false });
  new Counter({ name: 'things_total', help: 'things', registers: [registry] }).inc(3);
  const app = express().use(observabilityRoutes({ service: 'test-service', registry, checks }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('observability routes', () => {
  it('reports healthy when every check passes', async () => {
    const base = await serve({ database: async () => ({ ok: true }) });
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      service: 'test-service',
      status: 'ok',
      checks: { database: { ok: true } },
    });
  });

  it('answers 503 naming the failing check, including one that throws', async () => {
    const base = await serve({
      database: async () => ({ ok: true }),
      engine: async () => {
        throw new Error('connect ECONNREFUSED');
      },
    });
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'unavailable',
      checks: { engine: { ok: false, detail: 'connect ECONNREFUSED' } },
    });
  });

  it('exposes metrics in Prometheus text format with the service label', async () => {
    const base = await serve({});
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('things_total{service="test-service"} 3');
  });
});
