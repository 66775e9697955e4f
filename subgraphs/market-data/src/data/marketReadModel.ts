import type { PrismaClient } from '@mib/db';
import type { EventBus, Subscription, Topic, TradingEvent } from '@mib/events';
import { consumeIntoReadModel, type EventMarkSchema, type Transaction } from '@mib/subgraph-kit';
import type { Logger } from '@mib/telemetry';
import { candleOf, quoteOf } from './marketRows.js';

/** Consumer group and high-water-mark owner of the quotes and candles read model. */
export const MARKET_DATA_CONSUMER = 'market-data-quotes';

/** What `consumeIntoReadModel` needs to keep `market.quotes` and `market.candles` current. */
export interface MarketDataReadModel {
  readonly schema: EventMarkSchema;
  readonly consumer: string;
  readonly topics: readonly Topic[];
  apply(event: TradingEvent, tx: Transaction): Promise<void>;
}

/**
 * The quotes and candles read model: each `quote` event replaces its instrument's quote, each
 * `candle.closed` event upserts its candle. Upserts make a replay converge on the same rows, and
 * the event marks (same transaction) make each event count once.
 */
export function marketDataReadModel(logger: Logger): MarketDataReadModel {
  const log = logger.child({ consumer: MARKET_DATA_CONSUMER });
  return {
    schema: 'market',
    consumer: MARKET_DATA_CONSUMER,
    topics: ['quotes', 'candles'],
    apply: async (event, tx) => {
      if (event.type !== 'quote' && event.type !== 'candle.closed') return;
      const instrument = await tx.instrument.findUnique({
        where: { symbol: event.payload.symbol },
        select: { id: true },
      });
      if (!instrument) {
        // Skipped, not failed: redelivery cannot make the symbol known, and a failing handler
        // would hold back every later event of its partition.
        log.warn(
          { type: event.type, symbol: event.payload.symbol, sequence: event.sequence },
          'event for an unknown symbol skipped',
        );
        return;
      }
      if (event.type === 'quote') {
        const { instrumentId, ...quote } = quoteOf(instrument.id, event);
        await tx.quote.upsert({ where: { instrumentId }, create: { instrumentId, ...quote }, update: quote });
      } else {
        const { instrumentId, interval, openTime, ...prices } = candleOf(instrument.id, event);
        await tx.candle.upsert({
          where: { instrumentId_interval_openTime: { instrumentId, interval, openTime } },
          create: { instrumentId, interval, openTime, ...prices },
          update: prices,
        });
      }
    },
  };
}

/** Starts the read-model consumer on the bus (group `market-data-quotes`). */
export function consumeMarketData(
  bus: EventBus,
  prisma: PrismaClient,
  logger: Logger,
): Promise<Subscription> {
  return consumeIntoReadModel(bus, prisma, marketDataReadModel(logger));
}
