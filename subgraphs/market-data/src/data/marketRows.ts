import { Decimal, type Candle, type MarketTrade, type Quote } from '@mib/db';
import type { EventOf } from '@mib/events';

/** A decimal string of an event (PROTOCOL.md: plain notation), kept exact; null stays null. */
const exact = (value: string | null): Decimal | null => (value === null ? null : new Decimal(value));

/**
 * The `market.quotes` row a `quote` event describes. The read-model consumer stores it and the
 * `quotes` subscription sends it as is, so both always agree and a subscriber never waits for
 * (or races) the database write.
 */
export function quoteOf(instrumentId: string, event: EventOf<'quote'>): Quote {
  const { payload } = event;
  return {
    instrumentId,
    bid: exact(payload.bidPrice),
    bidSize: exact(payload.bidSize),
    ask: exact(payload.askPrice),
    askSize: exact(payload.askSize),
    last: exact(payload.lastPrice),
    updatedAt: new Date(event.occurredAt),
  };
}

/** The `market.candles` row a `candle.closed` event describes (stored and sent alike). */
export function candleOf(instrumentId: string, event: EventOf<'candle.closed'>): Candle {
  const { payload } = event;
  return {
    instrumentId,
    interval: payload.interval,
    openTime: new Date(payload.openTime),
    open: new Decimal(payload.open),
    high: new Decimal(payload.high),
    low: new Decimal(payload.low),
    close: new Decimal(payload.close),
    volume: new Decimal(payload.volume),
  };
}

/** A trade as the tape shows it: what `market.trades` stores, less its keys. */
export type TapeTrade = Pick<
  MarketTrade,
  'instrumentId' | 'price' | 'quantity' | 'aggressorSide' | 'executedAt'
>;

/**
 * The tape entry of a `trade` event (stored and sent alike). Only price, size, side and time:
 * the event's taker and maker name orders and accounts, which the public tape never shows.
 */
export function tapeTradeOf(instrumentId: string, event: EventOf<'trade'>): TapeTrade {
  const { payload } = event;
  return {
    instrumentId,
    price: new Decimal(payload.price),
    quantity: new Decimal(payload.quantity),
    aggressorSide: payload.aggressorSide,
    executedAt: new Date(event.occurredAt),
  };
}
