import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { PriceAlertDirection, PrismaClient } from '@mib/db';
import { InProcessEventBus } from '@mib/events';
import { createLogger, silentLogger } from '@mib/telemetry';
import { LiveMarket } from '../src/live/liveMarket.js';
import { TriggeredPriceAlerts } from '../src/live/triggeredPriceAlerts.js';
import { tradeEvent } from './marketEvents.js';
import { deliver, listedDatabase } from './readModelDelivery.js';

/**
 * Live price alerts over a read model the test feeds itself, as late as the scenario wants, on a
 * bus of their own. The read model's progress is seen in its marks only (as another replica's),
 * looked at every 10 ms.
 */
async function startAlerts(symbols: readonly string[], maxPendingTrades?: number) {
  const db = await listedDatabase(symbols);
  const bus = new InProcessEventBus({ logger: silentLogger() });
  const market = new LiveMarket(bus);
  await market.start();
  const warnings: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      warnings.push((JSON.parse(chunk.toString()) as { msg: string }).msg);
      done();
    },
  });
  const logger = createLogger('market-data-test', { level: 'warn', destination });
  const alerts = new TriggeredPriceAlerts(market, db.prisma, {
    recheckMs: 10,
    logger,
    ...(maxPendingTrades ? { maxPendingTrades } : {}),
  });
  return {
    db,
    bus,
    market,
    alerts,
    warnings,
    async [Symbol.asyncDispose]() {
      await bus.close();
      await db[Symbol.asyncDispose]();
    },
  };
}

/** A waiting alert set before the test trades (stamped 2026-11-24T10:00:00.00n); returns its id. */
async function alertOn(
  prisma: PrismaClient,
  userId: string,
  symbol: string,
  direction: PriceAlertDirection,
  price: string,
): Promise<string> {
  const { id: instrumentId } = await prisma.instrument.findUniqueOrThrow({ where: { symbol } });
  const data = { userId, instrumentId, direction, price, createdAt: new Date('2026-11-24T09:00:00Z') };
  return (await prisma.priceAlert.create({ data })).id;
}

/** The id of the alert a pull of the feed is answered with. */
async function alertId(next: Promise<IteratorResult<{ priceAlertTriggered: { id: string } }>>) {
  const result = await next;
  if (result.done === true) throw new Error('the feed ended');
  return result.value.priceAlertTriggered.id;
}

describe('priceAlertTriggered while the market read model lags', () => {
  it('tells an alert however late its trade is applied, and a lagging stream holds back no other', async () => {
    await using fixture = await startAlerts(['AAPL', 'MSFT']);
    const user = randomUUID();
    const onAapl = await alertOn(fixture.db.prisma, user, 'AAPL', 'ABOVE', '200');
    const onMsft = await alertOn(fixture.db.prisma, user, 'MSFT', 'ABOVE', '100');
    const feed = fixture.alerts.of(user);
    const first = feed.next();
    await fixture.market.whenSubscribers(1);

    const aapl = tradeEvent('AAPL', 1, '201', '1');
    const msft = tradeEvent('MSFT', 1, '101', '1');
    await fixture.bus.publish([aapl, msft]);
    await deliver(fixture.db.prisma, [msft]);
    expect(await alertId(first)).toBe(onMsft);

    // AAPL is applied 50 rechecks late: the notice was given up after a fixed wait before.
    const second = feed.next();
    await delay(500);
    await deliver(fixture.db.prisma, [aapl]);
    expect(await alertId(second)).toBe(onAapl);
    expect(fixture.warnings).toEqual([]);
    await feed.return?.();
  });

  it("tells the alerts of every trade of a stream, though only each wait's newest trade is waited for", async () => {
    await using fixture = await startAlerts(['AAPL']);
    const user = randomUUID();
    const above = await alertOn(fixture.db.prisma, user, 'AAPL', 'ABOVE', '200');
    const below = await alertOn(fixture.db.prisma, user, 'AAPL', 'BELOW', '150');
    const feed = fixture.alerts.of(user);
    const first = feed.next();
    await fixture.market.whenSubscribers(1);

    const trades = ['180', '201', '180', '149', '180'].map((price, index) =>
      tradeEvent('AAPL', index + 1, price, '1'),
    );
    await fixture.bus.publish(trades);
    await deliver(fixture.db.prisma, trades);
    expect([await alertId(first), await alertId(feed.next())]).toEqual([above, below]);
    await feed.return?.();
  });

  it('passes over trades beyond the pending cap while the read model lags, warns once, and recovers', async () => {
    await using fixture = await startAlerts(['AAPL'], 2);
    const user = randomUUID();
    const first = await alertOn(fixture.db.prisma, user, 'AAPL', 'ABOVE', '200');
    await alertOn(fixture.db.prisma, user, 'AAPL', 'BELOW', '150');
    const afterwards = await alertOn(fixture.db.prisma, user, 'AAPL', 'ABOVE', '300');
    const feed = fixture.alerts.of(user);
    const next = feed.next();
    await fixture.market.whenSubscribers(1);

    // Three trades arrive before the read model applies any: the third is one too many.
    const lagged = [tradeEvent('AAPL', 1, '201', '1'), tradeEvent('AAPL', 2, '180', '1')];
    const passedOver = [tradeEvent('AAPL', 3, '149', '1'), tradeEvent('AAPL', 4, '149', '1')];
    await fixture.bus.publish([...lagged, ...passedOver]);
    await deliver(fixture.db.prisma, [...lagged, ...passedOver]);
    expect(await alertId(next)).toBe(first);
    expect(fixture.warnings).toEqual([
      'the market read model lags too far: fired price alerts not delivered live until it catches up',
    ]);

    // Caught up, the next trade's alert is told again (the passed-over one stays in User.priceAlerts).
    const later = tradeEvent('AAPL', 5, '301', '1');
    const again = feed.next();
    await fixture.bus.publish([later]);
    await deliver(fixture.db.prisma, [later]);
    expect(await alertId(again)).toBe(afterwards);
    await feed.return?.();
  });
});
