import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseUnits } from '../src/shard/decimal.js';
import { EngineClient, startLiveMarketFeed, type EngineEvent, type FeedInstrument, type LiveMarketFeed } from '../src/index.js';
import { startEngineFixture, type EngineFixture } from './fixtures/engineFixture.js';

const INSTRUMENTS: readonly FeedInstrument[] = [
  { symbol: 'AAPL', referencePrice: '228.50' },
  { symbol: 'BTC-USD', referencePrice: '64250.00' },
  { symbol: 'DOGE-USD', referencePrice: '0.12345' },
];
const TICKS: Record<string, number> = { AAPL: 1_000_000, 'BTC-USD': 1_000_000, 'DOGE-USD': 1_000 };
const ACCOUNTS = ['7d2b6c1e-0a4f-5b8e-9c3d-2e1f0a9b8c71', '7d2b6c1e-0a4f-5b8e-9c3d-2e1f0a9b8c72', '7d2b6c1e-0a4f-5b8e-9c3d-2e1f0a9b8c73'];
/** The engine's default price band: ±10 % of the last trade. */
const BAND = 0.1;

/** Polls `condition` until it holds; fails after `timeoutMs`. */
async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('live market feed', () => {
  let fixture: EngineFixture;
  let feed: LiveMarketFeed | undefined;
  beforeEach(async () => {
    fixture = await startEngineFixture({ shards: 1 });
  });
  afterEach(async () => {
    await feed?.stop();
    await fixture.close();
  });

  it('prints trades on tick and inside the band, keeps depth on both sides, and stops cleanly', async () => {
    await fixture.client.listInstruments();
    const timersBefore = timers();
    feed = startLiveMarketFeed({ client: fixture.client, instruments: INSTRUMENTS, accountIds: ACCOUNTS, commandsPerSecond: 1_000, seed: 42 });
    await until(() => feed!.stats.trades >= 30 && feed!.stats.submitted >= 300);
    await feed.stop();
    const { stats } = feed;
    feed = undefined;
    expect(timers()).toBeLessThanOrEqual(timersBefore);
    expect(stats.failures).toBe(0);
    // Refusals the flow may meet by chance only: a cancel of an order that filled meanwhile, a
    // market order on an empty side. Never a malformed price or quantity, never the band.
    for (const reason of Object.keys(stats.rejected)) expect(['UNKNOWN_ORDER', 'NO_LIQUIDITY']).toContain(reason);

    const latest = Number((await fixture.client.getOrderBook('AAPL')).sequence);
    const events: EngineEvent[] = [];
    for await (const event of fixture.client.streamEvents({ fromSequences: { 0: '1' } }, AbortSignal.timeout(10_000))) {
      events.push(event);
      if (Number(event.sequence) >= latest) break;
    }
    const lastTrade = new Map<string, number>();
    let trades = 0;
    for (const event of events) {
      const tick = TICKS[event.symbol]!;
      // Rejections (a cancel of a filled order) and market orders carry no price.
      const priced = event.order && event.order.reasonCode === 0 && event.order.type !== 'MARKET' ? event.order.price : undefined;
      const price = event.trade?.price ?? priced;
      if (price === undefined) continue;
      const units = parseUnits(price)!;
      expect(units % tick, `${event.symbol} ${price} on tick`).toBe(0);
      const last = lastTrade.get(event.symbol);
      if (last !== undefined) expect(Math.abs(units - last) / last, `${event.symbol} ${price} inside the band`).toBeLessThanOrEqual(BAND);
      if (event.trade) {
        lastTrade.set(event.symbol, units);
        trades++;
      }
    }
    expect(trades).toBeGreaterThanOrEqual(30);

    for (const { symbol } of INSTRUMENTS) {
      const book = await fixture.client.getOrderBook(symbol);
      expect(book.bids.length, `${symbol} bids`).toBeGreaterThan(0);
      expect(book.asks.length, `${symbol} asks`).toBeGreaterThan(0);
    }
    const sequence = (await fixture.client.getQuote('AAPL')).sequence;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fixture.client.getQuote('AAPL')).sequence, 'no command after stop()').toBe(sequence);
  });

  it('backs off while the engine is unavailable and stops without waiting for it', async () => {
    const nowhere = new EngineClient('127.0.0.1:1');
    const timersBefore = timers();
    feed = startLiveMarketFeed({ client: nowhere, instruments: INSTRUMENTS, accountIds: ACCOUNTS, retryMs: 20 });
    await until(() => feed!.stats.failures >= 3);
    await feed.stop();
    feed = undefined;
    nowhere.close();
    expect(timers()).toBeLessThanOrEqual(timersBefore);
  });
});
