import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { print } from 'graphql';
import { DEMO_TRADER_ID } from '@mib/db';
import { AccountOverviewDocument } from '@mib/sdk';
import { errorCodes, graphqlRequest } from '@mib/subgraph-kit/testing';
import { logInAsDemo, type Session } from './accounts.js';
import { startPlatformFixture, type PlatformFixture } from './platformFixture.js';

let platform: PlatformFixture;
let trader: Session;

beforeAll(async () => {
  platform = await startPlatformFixture();
  trader = await logInAsDemo(platform.gatewayUrl, 'trader');
}, 60_000);

afterAll(async () => {
  await platform[Symbol.asyncDispose]();
});

// The SDK's account overview: user → portfolio positions → quotes → risk → orders and trades.
const DASHBOARD = print(AccountOverviewDocument);

interface Dashboard {
  user: {
    displayName: string;
    portfolio: {
      cash: string;
      positions: {
        edges: {
          node: { quantity: string; instrument: { symbol: string; quote: { last: string | null } | null } };
        }[];
      };
    };
    riskProfile: { maxOrderNotional: string; maxOpenOrders: number; alerts: { edges: unknown[] } };
    orders: {
      edges: { node: { status: string; instrument: { symbol: string }; trades: { price: string }[] } }[];
    };
  } | null;
}

describe('one query through the gateway crosses all five subgraphs', () => {
  it("returns the trader's portfolio with live quotes, risk limits and orders", async () => {
    const response = await graphqlRequest<Dashboard>(
      platform.gatewayUrl,
      DASHBOARD,
      { id: DEMO_TRADER_ID },
      trader.headers,
    );
    expect(response.errors).toBeUndefined();
    const user = response.data?.user;
    if (!user) throw new Error('demo trader missing');
    expect(user.displayName).toBeTruthy();
    expect(Number(user.portfolio.cash)).toBeGreaterThan(0);
    const positions = user.portfolio.positions.edges.map((edge) => edge.node);
    expect(positions.length).toBeGreaterThan(0);
    for (const position of positions) {
      expect(position.instrument.symbol).toMatch(/^[A-Z0-9-]+$/);
      expect(position.instrument.quote?.last).toMatch(/^\d+(\.\d+)?$/);
    }
    expect(Number(user.riskProfile.maxOrderNotional)).toBeGreaterThan(0);
    expect(user.orders.edges.length).toBeGreaterThan(0);
    expect(
      user.orders.edges.some((edge) => edge.node.status === 'FILLED' && edge.node.trades.length > 0),
    ).toBe(true);
  });

  it('answers an unknown user with null and a malformed id with BAD_USER_INPUT', async () => {
    const unknown = await graphqlRequest<Dashboard>(
      platform.gatewayUrl,
      DASHBOARD,
      { id: '00000000-0000-4000-8000-000000000000' },
      trader.headers,
    );
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data?.user).toBeNull();
    const malformed = await graphqlRequest(platform.gatewayUrl, DASHBOARD, { id: 'trader' }, trader.headers);
    expect(errorCodes(malformed)).toContain('BAD_USER_INPUT');
  });

  it('rejects a query for a field that does not exist with BAD_USER_INPUT', async () => {
    const response = await graphqlRequest(platform.gatewayUrl, '{ user(id: "x") { password } }');
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('lists instruments across asset classes', async () => {
    const response = await graphqlRequest<{ instruments: { edges: { node: { assetClass: string } }[] } }>(
      platform.gatewayUrl,
      '{ instruments(first: 100) { edges { node { symbol assetClass } } } }',
    );
    const classes = new Set(response.data?.instruments.edges.map((edge) => edge.node.assetClass));
    expect(response.data?.instruments.edges.length).toBeGreaterThanOrEqual(20);
    expect(classes).toEqual(new Set(['EQUITY', 'FX', 'CRYPTO']));
  });

  it('serves /health covering every subgraph, and /metrics', async () => {
    const health = await fetch(new URL('/health', platform.gatewayUrl));
    expect(health.status).toBe(200);
    const body = (await health.json()) as { checks: Record<string, { ok: boolean }> };
    expect(Object.keys(body.checks).sort()).toEqual(['market-data', 'orders', 'portfolio', 'risk', 'users']);
    const metrics = await (await fetch(new URL('/metrics', platform.gatewayUrl))).text();
    expect(metrics).toContain('graphql_request_duration_seconds');
  });
});
