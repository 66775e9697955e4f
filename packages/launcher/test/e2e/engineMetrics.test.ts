import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformFixture, type PlatformFixture } from './platformFixture.js';

let platform: PlatformFixture;

beforeAll(async () => {
  platform = await startPlatformFixture();
}, 120_000);

afterAll(async () => {
  await platform[Symbol.asyncDispose]();
});

describe('the embedded engine', () => {
  it('serves its Prometheus metrics on a port of its own', async () => {
    const url = new URL(platform.engineMetricsUrl);
    expect(url.port).not.toBe(new URL(platform.gatewayUrl).port);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^engine_shards_alive\{service="engine"\} [1-9]\d*$/m);
    expect(text).toMatch(/^engine_commands_total\{kind="SUBMIT",outcome="accepted",service="engine"\} \d+$/m);
  });

  it('answers /health beside /metrics while its shards and gRPC serve', async () => {
    const response = await fetch(new URL('/health', platform.engineMetricsUrl));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ service: 'engine', status: 'ok' });
  });
});
