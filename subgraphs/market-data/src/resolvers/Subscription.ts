import { requireIdentity } from '@mib/auth';
import type { Instrument } from '@mib/db';
import { badUserInput } from '@mib/errors';
import { requireLive } from '../context.js';
import { requireInstrument, requireInstruments } from '../data/instrumentsBySymbol.js';
import { candleOf, quoteOf, tapeTradeOf } from '../data/marketRows.js';
import { checkBookDepth, loadOrderBook, type OrderBookSnapshot } from '../data/orderBook.js';
import { orderBookUpdates } from '../live/orderBookUpdates.js';
import { quoteUpdates } from '../live/quoteUpdates.js';
import type { SubscriptionResolvers } from './types.generated.js';

/**
 * The events after which a book may look different: a quote or trade (the top), and any order
 * resting, leaving or changing at a deeper level, which moves no quote.
 */
const BOOK_CHANGES = [
  'quote',
  'trade',
  'order.accepted',
  'order.amended',
  'order.cancelled',
  'order.partially_filled',
  'order.filled',
] as const;

/**
 * Live market data. Each `subscribe` checks its arguments before it returns a stream, so wrong
 * use fails at once with BAD_USER_INPUT; payloads are built from the events themselves.
 */
export const Subscription: SubscriptionResolvers = {
  quotes: {
    subscribe: async (_parent, { symbols }, context) => {
      const instruments = await requireInstruments(context, symbols);
      const { market } = requireLive(context);
      const live = market.stream(
        ['quote'],
        (event) => instruments.has(event.payload.symbol),
        (event) => {
          // The filter admits only the symbols of `instruments`.
          const instrument = instruments.get(event.payload.symbol) as Instrument;
          return { quotes: { instrument, quote: quoteOf(instrument.id, event) } };
        },
      );
      const latest = async () => {
        const quotes = await context.quoteByInstrumentId.loadMany(
          [...instruments.values()].map(({ id }) => id),
        );
        return [...instruments.values()].flatMap((instrument, index) => {
          const quote = quotes[index];
          if (quote instanceof Error) throw quote;
          return quote ? [{ quotes: { instrument, quote } }] : [];
        });
      };
      return quoteUpdates(live, latest);
    },
  },
  orderBook: {
    subscribe: async (_parent, { symbol, depth }, context) => {
      const levels = checkBookDepth(depth);
      const { engine, market } = requireLive(context);
      const instrument = await requireInstrument(context, symbol);
      const loadSnapshot = async (): Promise<OrderBookSnapshot> => {
        const snapshot = await loadOrderBook(engine, instrument, levels);
        if (!snapshot) throw badUserInput(`${symbol} is not traded on the engine`, 'symbol');
        return snapshot;
      };
      // Checked here too, so a symbol the engine does not trade fails the subscribe itself.
      await loadSnapshot();
      const changes = market.stream(
        BOOK_CHANGES,
        (event) => event.payload.symbol === symbol,
        () => true,
      );
      return orderBookUpdates(changes, loadSnapshot);
    },
    resolve: (snapshot: OrderBookSnapshot) => snapshot,
  },
  candles: {
    subscribe: async (_parent, { symbol, interval }, context) => {
      const instrument = await requireInstrument(context, symbol);
      const { market } = requireLive(context);
      return market.stream(
        ['candle.closed'],
        (event) => event.payload.symbol === symbol && event.payload.interval === interval,
        (event) => ({ candles: candleOf(instrument.id, event) }),
      );
    },
  },
  trades: {
    subscribe: async (_parent, { symbol }, context) => {
      const instrument = await requireInstrument(context, symbol);
      const { market } = requireLive(context);
      return market.stream(
        ['trade'],
        (event) => event.payload.symbol === symbol,
        (event) => ({ trades: tapeTradeOf(instrument.id, event) }),
      );
    },
  },
  // `@requiresScopes(market:read)` in the schema; always the caller's own alerts.
  priceAlertTriggered: {
    subscribe: (_parent, _args, context) => {
      const { userId } = requireIdentity(context.identity);
      return requireLive(context).priceAlerts.of(userId);
    },
  },
};
