import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startToyGateway, type ToyGateway } from './protectedGateway.js';

let fixture: ToyGateway;
beforeAll(async () => {
  fixture = await startToyGateway({ metricsToken: 'scraper-token-0123456789' });
});
afterAll(() => fixture[Symbol.asyncDispose]());

describe('the gateway with a metrics token', () => {
  it('serves /metrics only to the scraper and /health without its checks to anyone else', async () => {
    const base = fixture.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const scraper = await fetch(`${base}/metrics`, {
      headers: { authorization: 'Bearer scraper-token-0123456789' },
    });
    expect(scraper.status).toBe(200);
    expect(await scraper.text()).toContain('# TYPE');
    const health = (await (await fetch(`${base}/health`)).json()) as Record<string, unknown>;
    expect(health['service']).toBe('gateway');
    expect(health).not.toHaveProperty('checks');
  });
});
