import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamOf, type TradingEvent } from '@mib/events';
import { connectSubgraph, subscribeAs, testIdentity } from '@mib/subgraph-kit/testing';
import { recordLogs } from '@mib/telemetry/testing';
import { startRiskFixture, TradeTape, type RiskFixture } from './riskFixture.js';

let fixture: RiskFixture;
let client: Client;
const tape = new TradeTape();
/** The subgraph's warnings and errors, one parsed JSON line each. */
const { logger, lines: logged } = recordLogs('risk', 'warn');

beforeAll(async () => {
  fixture = await startRiskFixture({ engine: false, logger });
  client = connectSubgraph(fixture.subgraph.url);
  // The traded instruments: USD equities, USDJPY (quoted in JPY, its quote the JPY rate) and
  // NESN, quoted in CHF, which no FX quote links to USD.
  const instrument = (symbol: string, currency: string) => ({
    symbol,
    name: symbol,
    assetClass: symbol === 'USDJPY' ? ('FX' as const) : ('EQUITY' as const),
    currency,
    tickSize: '0.00000001',
    lotSize: '0.00000001',
  });
  await fixture.db.prisma.instrument.createMany({
    data: [
      ...['AAPL', 'NVDA', 'TSLA', 'MSFT'].map((symbol) => instrument(symbol, 'USD')),
      instrument('USDJPY', 'JPY'),
      instrument('NESN', 'CHF'),
    ],
  });
  const usdJpy = await fixture.db.prisma.instrument.findUniqueOrThrow({ where: { symbol: 'USDJPY' } });
  await fixture.db.prisma.quote.create({
    data: { instrumentId: usdJpy.id, last: '150', updatedAt: new Date() },
  });
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

/** The alerts raised for `accountId`, in the order they were raised. */
async function alertsOf(accountId: string): Promise<{ value: string; message: string }[]> {
  const outbox = await fixture.db.prisma.riskAlertOutbox.findMany({ orderBy: { sequence: 'asc' } });
  return outbox
    .map((row) => (row.event as { payload: { accountId: string; value: string; message: string } }).payload)
    .filter((alert) => alert.accountId === accountId)
    .map(({ value, message }) => ({ value, message }));
}

/** A risk profile for a fresh user whose positions may be worth at most `maxPositionNotional`. */
async function userWithPositionLimit(maxPositionNotional: string): Promise<string> {
  const userId = randomUUID();
  await fixture.db.prisma.riskProfile.create({
    data: {
      userId,
      maxOrderQuantity: '100000',
      maxOrderNotional: '1000000',
      maxPositionNotional,
      maxOpenOrders: 10,
      priceBandBps: 500,
    },
  });
  return userId;
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
    // Told once recorded: acknowledging it at once finds it.
    const told = alert as { id: string } | undefined;
    expect(await fixture.db.prisma.riskAlert.count({ where: { id: told?.id ?? '' } })).toBe(1);

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

  it('converts a position quoted in JPY to USD at the latest USDJPY quote before comparing', async () => {
    const grace = await userWithPositionLimit('1000');
    // 900 × 150 JPY is 900 USD at the quote of 150: within the limit, though 135 000 is not.
    const within = tape.trade('USDJPY', {
      buyer: grace,
      seller: randomUUID(),
      price: '150',
      quantity: '900',
    });
    // 1000 × 150.15 JPY at the quote's rate, not the trade's: 1001 USD, from 900.9 USD before.
    const crossing = tape.trade('USDJPY', {
      buyer: grace,
      seller: randomUUID(),
      price: '150.15',
      quantity: '100',
    });
    await fixture.bus.publish([within, crossing]);
    await applied(crossing);
    expect(await alertsOf(grace)).toEqual([
      {
        value: '1001',
        message: 'USDJPY position of 1000 is worth 1001 USD (150150 JPY), above the limit of 1000 USD',
      },
    ]);
  });

  it('does not check, and warns about, a position with no USD rate or no known currency', async () => {
    const henry = await userWithPositionLimit('1000');
    const inChf = tape.trade('NESN', { buyer: henry, seller: randomUUID(), price: '90', quantity: '100' });
    const unlisted = tape.trade('UNLISTED', {
      buyer: henry,
      seller: randomUUID(),
      price: '90',
      quantity: '100',
    });
    await fixture.bus.publish([inChf, unlisted]);
    await applied(inChf);
    await applied(unlisted);
    // 9000 CHF is no number of USD: no alert rather than one compared in the wrong currency.
    expect(await alertsOf(henry)).toEqual([]);
    const positions = await fixture.db.prisma.netPosition.findMany({ where: { userId: henry } });
    expect(positions.map((position) => [position.symbol, position.quantity.toFixed()]).sort()).toEqual([
      ['NESN', '100'],
      ['UNLISTED', '100'],
    ]);
    // The two symbols are on different partitions: their warnings come in either order.
    const warnings = logged
      .filter((line) => line['accountId'] === henry)
      .map((line) => [line['symbol'], line['currency'], line['msg']])
      .sort();
    const notChecked = 'position limit not checked: no USD rate for the instrument currency';
    expect(warnings).toEqual([
      ['NESN', 'CHF', notChecked],
      ['UNLISTED', null, notChecked],
    ]);
  });

  it('alerts once on a position the price has pushed over the limit when a trade adds to it', async () => {
    const ivan = await userWithPositionLimit('1000');
    const withinAt100 = tape.trade('AAPL', {
      buyer: ivan,
      seller: randomUUID(),
      price: '100',
      quantity: '9',
    });
    // Others trade at 200: Ivan's 9 are worth 1800 now, without a trade of his.
    const marketMoves = tape.trade('AAPL', {
      buyer: randomUUID(),
      seller: randomUUID(),
      price: '200',
      quantity: '1',
    });
    const addsAt200 = tape.trade('AAPL', { buyer: ivan, seller: randomUUID(), price: '200', quantity: '5' });
    await fixture.bus.publish([withinAt100, marketMoves, addsAt200]);
    await applied(addsAt200);
    expect(await alertsOf(ivan)).toEqual([
      { value: '2800', message: 'AAPL position of 14 is worth 2800 USD, above the limit of 1000 USD' },
    ]);
  });

  it('alerts once on a position a lowered limit has left above it when a trade adds to it', async () => {
    const judy = await userWithPositionLimit('1000');
    const within = tape.trade('AAPL', { buyer: judy, seller: randomUUID(), price: '100', quantity: '9' });
    await fixture.bus.publish([within]);
    await applied(within);
    await fixture.db.prisma.riskProfile.update({
      where: { userId: judy },
      data: { maxPositionNotional: '500' },
    });
    const adds = tape.trade('AAPL', { buyer: judy, seller: randomUUID(), price: '100', quantity: '1' });
    await fixture.bus.publish([adds]);
    await applied(adds);
    expect((await alertsOf(judy)).map(({ value }) => value)).toEqual(['1000']);
  });

  it('stays quiet while the position stays above the limit, and alerts again after it was back within', async () => {
    const kim = await userWithPositionLimit('1000');
    const trade = (side: 'buy' | 'sell', quantity: string) =>
      tape.trade('AAPL', {
        buyer: side === 'buy' ? kim : randomUUID(),
        seller: side === 'buy' ? randomUUID() : kim,
        price: '100',
        quantity,
      });
    // 1100: alert; 1200 and 1150: still the same breach; 700: within; 1200: a new breach.
    const crossing = trade('buy', '11');
    const further = trade('buy', '1');
    const backWithin = [trade('sell', '0.5'), trade('sell', '4.5')];
    // Created last: a trade's sequence is its place in the symbol's stream.
    const last = trade('buy', '5');
    await fixture.bus.publish([crossing, further, ...backWithin, last]);
    await applied(last);
    expect((await alertsOf(kim)).map(({ value }) => value)).toEqual(['1100', '1200']);
    // A redelivered trade is not applied twice: no alert, and the breach stays the same one.
    await fixture.bus.publish([further]);
    const more = trade('buy', '1');
    await fixture.bus.publish([more]);
    await applied(more);
    expect((await alertsOf(kim)).map(({ value }) => value)).toEqual(['1100', '1200']);
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
      riskAlerts: { message: 'MSFT position of 1 is worth 70 USD, above the limit of 50 USD' },
    });
    await carolsAlerts.close();

    const anonymous = subscribeAs(client, null, 'subscription { riskAlerts { id } }');
    const refused = await anonymous.next().catch((errors: unknown) => ({ errors }));
    expect(JSON.stringify(refused.errors)).toContain('UNAUTHENTICATED');
  });
});
