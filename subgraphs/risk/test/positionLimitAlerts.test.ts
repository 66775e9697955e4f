import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamOf, type TradingEvent } from '@mib/events';
import { connectSubgraph, subscribeAs, testIdentity } from '@mib/subgraph-kit/testing';
import { startRiskFixture, TradeTape, type RiskFixture } from './riskFixture.js';

let fixture: RiskFixture;
let client: Client;
const tape = new TradeTape();

beforeAll(async () => {
  fixture = await startRiskFixture({ engine: false });
  client = connectSubgraph(fixture.subgraph.url);
});

afterAll(async () => {
  await client.dispose();
  await fixture[Symbol.asyncDispose]();
});

/** Resolves once the risk monitor has applied `event` (its mark reached it); 10 s timeout. */
async function applied(event: TradingEvent): Promise<void> {
  await expect
    .poll(
      async () => {
        const mark = await fixture.db.prisma.riskEventMark.findUnique({
          where: { consumer_stream: { consumer: 'risk-monitor', stream: streamOf(event) } },
        });
        return Number(mark?.sequence ?? 0) >= event.sequence;
      },
      { timeout: 10_000, interval: 20 },
    )
    .toBe(true);
}

const RISK_ALERTS = 'subscription { riskAlerts { id severity kind message acknowledged } }';

describe('position limit alerts', () => {
  it('raises one alert when a trade takes the position notional above the limit, live and recorded', async () => {
    const alice = randomUUID();
    const bob = randomUUID();
    await fixture.db.prisma.riskProfile.create({
      data: {
        userId: alice,
        maxOrderQuantity: '100',
        maxOrderNotional: '100000',
        maxPositionNotional: '1000',
        maxOpenOrders: 10,
        priceBandBps: 500,
      },
    });
    const alerts = subscribeAs(client, testIdentity(alice), RISK_ALERTS);
    const first = alerts.next(10_000);
    await fixture.subscribers().when(1);

    const belowLimit = tape.trade('AAPL', { buyer: alice, seller: bob, price: '100', quantity: '10' });
    const crossing = tape.trade('AAPL', { buyer: alice, seller: bob, price: '100', quantity: '0.5' });
    const furtherAbove = tape.trade('AAPL', { buyer: alice, seller: bob, price: '101', quantity: '1' });
    // Exactly at the limit (1000) is within it; 1050 crosses it; 1162 stays above: one alert.
    await fixture.bus.publish([belowLimit, crossing, furtherAbove]);
    const alert = (await first).data?.['riskAlerts'];
    expect(alert).toMatchObject({
      severity: 'CRITICAL',
      kind: 'POSITION_LIMIT_EXCEEDED',
      acknowledged: false,
    });
    expect(JSON.stringify(alert)).toContain('worth 1050');

    // The bus delivers the crossing trade again: the monitor has applied it already.
    await fixture.bus.publish([crossing]);
    const closing = tape.trade('AAPL', { buyer: bob, seller: alice, price: '101', quantity: '11.5' });
    await fixture.bus.publish([closing]);
    await applied(closing);

    const outbox = await fixture.db.prisma.riskAlertOutbox.findMany();
    expect(outbox.map((row) => [Number(row.sequence), row.publishedAt !== null])).toEqual([[1, true]]);
    await expect
      .poll(
        () =>
          fixture.db.prisma.riskAlert.findMany({
            where: { riskProfile: { userId: alice } },
            select: { id: true, kind: true },
          }),
        { timeout: 10_000, interval: 20 },
      )
      .toEqual([{ id: (alert as { id: string }).id, kind: 'POSITION_LIMIT_EXCEEDED' }]);
    // Bob has no profile, so no limit: his short, worth 1162 at most, raised nothing. Both flat now.
    const positions = await fixture.db.prisma.netPosition.findMany({ where: { symbol: 'AAPL' } });
    expect(
      Object.fromEntries(positions.map((position) => [position.userId, position.quantity.toFixed()])),
    ).toEqual({ [alice]: '0', [bob]: '0' });
    await alerts.close();
    await fixture.subscribers().when(0);
  });

  it('raises another alert when one trade flips a position above the limit to a short above it', async () => {
    const erin = randomUUID();
    await fixture.db.prisma.riskProfile.create({
      data: {
        userId: erin,
        maxOrderQuantity: '100',
        maxOrderNotional: '100000',
        maxPositionNotional: '1000',
        maxOpenOrders: 10,
        priceBandBps: 500,
      },
    });
    const longAbove = tape.trade('NVDA', { buyer: erin, seller: randomUUID(), price: '100', quantity: '12' });
    const flip = tape.trade('NVDA', { buyer: randomUUID(), seller: erin, price: '100', quantity: '24' });
    await fixture.bus.publish([longAbove, flip]);
    await applied(flip);
    // A long worth 1200, then a short worth 1200: a new position, which crossed the limit again.
    const alerts = await fixture.db.prisma.riskAlertOutbox.findMany({ orderBy: { sequence: 'asc' } });
    const erins = alerts
      .map((row) => row.event as { payload: { accountId: string; value: string } })
      .filter((event) => event.payload.accountId === erin)
      .map((event) => event.payload.value);
    expect(erins).toEqual(['1200', '1200']);
  });

  it('compares the exact notional: a hair above the limit is above it', async () => {
    const frank = randomUUID();
    await fixture.db.prisma.riskProfile.create({
      data: {
        userId: frank,
        maxOrderQuantity: '100',
        maxOrderNotional: '100000',
        maxPositionNotional: '100000',
        maxOpenOrders: 10,
        priceBandBps: 500,
      },
    });
    // 0.10000001 × 999999.90000001 = 100000.0000000000000001: 22 significant digits.
    const trade = tape.trade('TSLA', {
      buyer: frank,
      seller: randomUUID(),
      price: '999999.90000001',
      quantity: '0.10000001',
    });
    await fixture.bus.publish([trade]);
    await applied(trade);
    const alerts = await fixture.db.prisma.riskAlertOutbox.findMany();
    const franks = alerts.filter(
      (row) => (row.event as { payload: { accountId: string } }).payload.accountId === frank,
    );
    expect(franks).toHaveLength(1);
  });

  it("delivers only the subscriber's own alerts and refuses anonymous subscribers", async () => {
    const carol = randomUUID();
    const dave = randomUUID();
    for (const userId of [carol, dave]) {
      await fixture.db.prisma.riskProfile.create({
        data: {
          userId,
          maxOrderQuantity: '100',
          maxOrderNotional: '100000',
          maxPositionNotional: '50',
          maxOpenOrders: 10,
          priceBandBps: 500,
        },
      });
    }
    const carolsAlerts = subscribeAs(client, testIdentity(carol), 'subscription { riskAlerts { message } }');
    const next = carolsAlerts.next(10_000);
    await fixture.subscribers().when(1);
    await fixture.bus.publish([
      tape.trade('MSFT', { buyer: dave, seller: randomUUID(), price: '60', quantity: '1' }),
    ]);
    await fixture.bus.publish([
      tape.trade('MSFT', { buyer: carol, seller: randomUUID(), price: '70', quantity: '1' }),
    ]);
    expect((await next).data).toEqual({
      riskAlerts: { message: 'MSFT position of 1 is worth 70, above the limit of 50' },
    });
    await carolsAlerts.close();

    const anonymous = subscribeAs(client, null, 'subscription { riskAlerts { id } }');
    const refused = await anonymous.next().catch((errors: unknown) => ({ errors }));
    expect(JSON.stringify(refused.errors)).toContain('UNAUTHENTICATED');
  });
});
