import type { PrismaClient } from '@mib/db';
import type { EventBus, EventOf, Subscription, Topic, TradingEvent } from '@mib/events';
import { consumeIntoReadModel, type EventMarkSchema, type Transaction } from '@mib/subgraph-kit';
import type { Logger } from '@mib/telemetry';
import { firePriceAlerts } from './firePriceAlerts.js';
import { candleOf, quoteOf, tapeTradeOf } from './marketRows.js';

/**
 * Consumer group and high-water-mark owner of the quotes, candles and trades read model. The name
 * is older than the tape and stays: a renamed group, with no positions and no marks, would replay
 * every retained quote and candle, showing old quotes until it caught up.
 */
export const MARKET_DATA_CONSUMER = 'market-data-quotes';

/**
 * The topics of the read model. `trades` joined the group after `quotes` and `candles`: the group
 * keeps its committed positions on those, and having none on `trades` it starts there at the
 * earliest event the bus still holds (`SubscribeOptions.start`), so the tape begins with the
 * retained history. Marks are per stream `(topic, key, shard)`, so the new topic's marks are new
 * and the existing ones unchanged. During a rolling deploy on Kafka, members of the older
 * version do not consume `trades` partitions assigned to them (kafkajs drops unsubscribed topics
 * from an assignment, and an older leader assigns only its own topics): the tape lags until they
 * leave, and loses nothing, since nobody commits those partitions meanwhile.
 */
const MARKET_DATA_TOPICS: readonly Topic[] = ['quotes', 'candles', 'trades'];

/** What `consumeIntoReadModel` needs to keep the quotes, candles and tape of `market` current. */
export interface MarketDataReadModel {
  readonly schema: EventMarkSchema;
  readonly consumer: string;
  readonly topics: readonly Topic[];
  apply(event: TradingEvent, tx: Transaction): Promise<void>;
}

type MarketEvent = EventOf<'quote' | 'candle.closed' | 'trade'>;

const isMarketEvent = (event: TradingEvent): event is MarketEvent =>
  event.type === 'quote' || event.type === 'candle.closed' || event.type === 'trade';

/**
 * The market read model: each `quote` event replaces its instrument's quote, each
 * `candle.closed` event upserts its candle, each `trade` event adds a print to the public tape
 * and fires the price alerts it meets. Upserts and the tape's unique (shard, trade id) make a
 * replay converge on the same rows, and the event marks (same transaction) make each event count
 * once, so an alert fires once.
 */
export function marketDataReadModel(logger: Logger): MarketDataReadModel {
  const log = logger.child({ consumer: MARKET_DATA_CONSUMER });
  return {
    schema: 'market',
    consumer: MARKET_DATA_CONSUMER,
    topics: MARKET_DATA_TOPICS,
    apply: async (event, tx) => {
      if (!isMarketEvent(event)) return;
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
      await applyMarketEvent(tx, instrument, event);
    },
  };
}

async function applyMarketEvent(
  tx: Transaction,
  instrument: { id: string },
  event: MarketEvent,
): Promise<void> {
  switch (event.type) {
    case 'quote': {
      const { instrumentId, ...quote } = quoteOf(instrument.id, event);
      await tx.quote.upsert({ where: { instrumentId }, create: { instrumentId, ...quote }, update: quote });
      return;
    }
    case 'candle.closed': {
      const { instrumentId, interval, openTime, ...prices } = candleOf(instrument.id, event);
      await tx.candle.upsert({
        where: { instrumentId_interval_openTime: { instrumentId, interval, openTime } },
        create: { instrumentId, interval, openTime, ...prices },
        update: prices,
      });
      return;
    }
    case 'trade': {
      const trade = {
        ...tapeTradeOf(instrument.id, event),
        engineShard: event.shard,
        engineTradeId: event.payload.tradeId,
      };
      // ON CONFLICT DO NOTHING on (engine_shard, engine_trade_id): a replay past the marks adds nothing.
      await tx.marketTrade.createMany({ data: [trade], skipDuplicates: true });
      await firePriceAlerts(tx, instrument.id, event);
      return;
    }
  }
}

/**
 * Starts the read-model consumer on the bus (group `market-data-quotes`), telling `applied` once
 * each event is committed (or found applied already), so live subscribers of this process waiting
 * on the read model see it at once.
 */
export function consumeMarketData(
  bus: EventBus,
  prisma: PrismaClient,
  logger: Logger,
  applied: (event: TradingEvent) => void = () => undefined,
): Promise<Subscription> {
  return consumeIntoReadModel(bus, prisma, { ...marketDataReadModel(logger), applied });
}
