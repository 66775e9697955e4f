import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetricsRegistry, Counter, observabilityRoutes, type HealthCheck } from '../src/index.js';

const servers: { close(): void }[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

async function serve(checks: Record<string, HealthCheck>, metricsToken?: string) {
  const registry = createMetricsRegistry('test-service', { defaultMetrics: false });
  new Counter({ name: 'things_total', help: 'things', registers: [registry] }).inc(3);
  const app = express().use(observabilityRoutes({ service: 'test-service', registry, checks, metricsToken }));
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

  it('with a metrics token, serves metrics and check details only to a caller sending it', async () => {
    const base = await serve(
      { database: async () => ({ ok: false, detail: 'connect ECONNREFUSED 10.0.0.7:5432' }) },
      's3cret-token',
    );
    const anonymous = await fetch(`${base}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const scraper = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer s3cret-token' } });
    expect(scraper.status).toBe(200);
    expect(await scraper.text()).toContain('things_total');

    const publicHealth = await fetch(`${base}/health`);
    expect(publicHealth.status).toBe(503);
    expect(await publicHealth.json()).toEqual({ service: 'test-service', status: 'unavailable' });
    const detailed = await fetch(`${base}/health`, { headers: { authorization: 'Bearer s3cret-token' } });
    expect(await detailed.json()).toMatchObject({ checks: { database: { ok: false } } });
  });
});
