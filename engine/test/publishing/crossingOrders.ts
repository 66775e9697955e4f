/**
 * The publishing contract, run against every event bus (in-process and Kafka): a crossing pair
 * submitted through the real gRPC client comes out of the bus as valid TradingEvents with the
 * right decimals, accounts and per-shard sequences.
 */
import { randomUUID } from 'node:crypto';
import { parseEvent, type EventBus, type EventOf, type TradingEvent } from '@mib/events';
import { expect, it } from 'vitest';
import { reportOf, startEngineFixture, type EngineFixture } from '../fixtures/engineFixture.js';
import { PublishedEvents } from './publishedEvents.js';

export interface PublishingContract {
  readonly createBus: () => Promise<EventBus>;
  readonly timeoutMs: number;
}

const ofType = <T extends TradingEvent['type']>(events: readonly TradingEvent[], type: T): EventOf<T>[] =>
  events.filter((event): event is EventOf<T> => event.type === type);

async function withEngine(
  contract: PublishingContract,
  run: (fixture: EngineFixture, published: PublishedEvents) => Promise<void>,
): Promise<void> {
  const bus = await contract.createBus();
  const published = new PublishedEvents();
  try {
    await published.subscribe(bus);
    const fixture = await startEngineFixture({ eventBus: bus, heartbeatMs: 0 });
    try {
      await run(fixture, published);
    } finally {
      await fixture.close();
    }
  } finally {
    await published.close();
    await bus.close();
  }
}

export function publishingContract(contract: PublishingContract): void {
  const { timeoutMs } = contract;

  it('publishes a crossing pair as accepted, trade, fills and quotes with decimals and accounts', async () => {
    await withEngine(contract, async ({ client }, published) => {
      const maker = `maker-${randomUUID()}`;
      const taker = `taker-${randomUUID()}`;
      const sell = reportOf(
        await client.submitOrder({
          symbol: 'AAPL',
          accountId: maker,
          side: 'SELL',
          type: 'LIMIT',
          price: '189.25',
          quantity: '3',
        }),
      );
      const buy = reportOf(
        await client.submitOrder({
          symbol: 'AAPL',
          accountId: taker,
          side: 'BUY',
          type: 'LIMIT',
          price: '190',
          quantity: '5',
        }),
      );
      const mine = (events: readonly TradingEvent[]): TradingEvent[] =>
        events.filter(
          (event) =>
            event.type === 'quote' ||
            ('accountId' in event.payload && [maker, taker].includes(event.payload.accountId)) ||
            (event.type === 'trade' && event.payload.maker?.accountId === maker),
        );
      // Topics are read independently (on Kafka, concurrently): wait for every event asserted below.
      await published.until(
        (events) =>
          ofType(mine(events), 'order.partially_filled').length === 1 &&
          ofType(mine(events), 'order.filled').length === 1 &&
          ofType(mine(events), 'trade').length === 1 &&
          ofType(events, 'quote').some((q) => q.payload.lastPrice === '189.25' && q.payload.bidSize === '2'),
        timeoutMs,
        'both fills, the trade and the quote after them',
      );
      const events = mine(published.events);
      for (const event of events) expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);

      const accepted = ofType(events, 'order.accepted');
      expect(accepted.map((event) => event.payload)).toEqual([
        expect.objectContaining({
          orderId: sell.orderId,
          accountId: maker,
          symbol: 'AAPL',
          side: 'SELL',
          orderType: 'LIMIT',
          price: '189.25',
          quantity: '3',
          filledQuantity: '0',
          leavesQuantity: '3',
        }),
        expect.objectContaining({
          orderId: buy.orderId,
          accountId: taker,
          side: 'BUY',
          price: '190',
          quantity: '5',
        }),
      ]);
      const [trade] = ofType(events, 'trade');
      expect(trade?.payload).toEqual({
        tradeId: trade?.payload.tradeId,
        symbol: 'AAPL',
        price: '189.25',
        quantity: '3',
        aggressorSide: 'BUY',
        taker: { orderId: buy.orderId, accountId: taker },
        maker: { orderId: sell.orderId, accountId: maker },
      });
      const [filled] = ofType(events, 'order.filled');
      expect(filled?.payload).toMatchObject({
        orderId: sell.orderId,
        accountId: maker,
        filledQuantity: '3',
        leavesQuantity: '0',
        tradeId: trade?.payload.tradeId,
        lastFillPrice: '189.25',
        lastFillQuantity: '3',
      });
      const [partial] = ofType(events, 'order.partially_filled');
      expect(partial?.payload).toMatchObject({
        orderId: buy.orderId,
        accountId: taker,
        filledQuantity: '3',
        leavesQuantity: '2',
        tradeId: trade?.payload.tradeId,
      });
      const lastQuote = ofType(events, 'quote').at(-1);
      expect(lastQuote?.payload).toMatchObject({
        symbol: 'AAPL',
        bidPrice: '190',
        bidSize: '2',
        askPrice: null,
        askSize: null,
        lastPrice: '189.25',
        lastQuantity: '3',
      });

      // One shard owns AAPL: its events carry that shard and the order the engine produced them in.
      const shards = new Set(events.map((event) => event.shard));
      expect(shards.size).toBe(1);
      expect(events.every((event) => event.source === 'engine' && event.key === 'AAPL')).toBe(true);
      const sequence = (event: TradingEvent | undefined): number => event?.sequence ?? Number.NaN;
      expect(sequence(accepted[0])).toBeLessThan(sequence(accepted[1]));
      expect(sequence(accepted[1])).toBeLessThan(sequence(trade));
      expect(sequence(trade)).toBeLessThan(sequence(filled));
      expect(sequence(filled)).toBeLessThan(sequence(partial));
      expect(sequence(partial)).toBeLessThan(sequence(lastQuote));
    });
  });

  it('keeps every shard gapless and increasing per topic and key, rejections and cancels included', async () => {
    await withEngine(contract, async ({ client, engine }, published) => {
      const account = `acct-${randomUUID()}`;
      const symbols = ['MSFT', 'TSLA', 'NVDA', 'AMZN'];
      const reports = [];
      for (const symbol of symbols) {
        reports.push(
          reportOf(
            await client.submitOrder({
              symbol,
              accountId: account,
              side: 'BUY',
              type: 'LIMIT',
              price: '1',
              quantity: '1',
            }),
          ),
        );
      }
      const rejected = await client.submitOrder({
        symbol: 'MSFT',
        accountId: account,
        side: 'BUY',
        type: 'LIMIT',
        price: '1.001',
        quantity: '1',
      });
      expect(rejected.kind).toBe('rejected');
      for (const [i, symbol] of symbols.entries())
        reportOf(await client.cancelOrder({ symbol, accountId: account, orderId: reports[i]!.orderId }));
      await published.until(
        (events) =>
          ofType(events, 'order.cancelled').length === symbols.length &&
          ofType(events, 'order.rejected').length === 1,
        timeoutMs,
        'four cancels and a rejection',
      );

      expect(ofType(published.events, 'order.rejected')[0]?.payload).toMatchObject({
        accountId: account,
        symbol: 'MSFT',
        command: 'SUBMIT',
        reason: 'PRICE_OFF_TICK',
        reasonCode: 106,
      });
      expect(ofType(published.events, 'order.cancelled').map((event) => event.payload.reason)).toEqual(
        symbols.map(() => 'USER_REQUESTED'),
      );
      const byStream = new Map<string, number[]>();
      for (const event of published.events) {
        expect(event.shard).toBeLessThan(engine.shards);
        const stream = `${event.type.split('.')[0]}/${event.key}/${event.shard}`;
        byStream.set(stream, [...(byStream.get(stream) ?? []), event.sequence]);
      }
      for (const sequences of byStream.values())
        expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
      const perShard = new Map<number, number[]>();
      for (const event of published.events)
        perShard.set(event.shard, [...(perShard.get(event.shard) ?? []), event.sequence]);
      for (const sequences of perShard.values()) expect(new Set(sequences).size).toBe(sequences.length);
    });
  });
}
