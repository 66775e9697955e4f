/**
 * Market events as the engine publishes them, built with `createEvent` so every envelope is
 * valid by construction.
 */
import { createEvent, type CandleInterval, type EventOf, type Trade } from '@mib/events';

const at = (sequence: number) => new Date(Date.UTC(2026, 10, 24, 10, 0, 0, sequence));

export interface QuoteFields {
  readonly bidPrice?: string | null;
  readonly bidSize?: string | null;
  readonly askPrice?: string | null;
  readonly askSize?: string | null;
  readonly lastPrice?: string | null;
}

export function quoteEvent(
  symbol: string,
  sequence: number,
  fields: QuoteFields = {},
  shard = 0,
): EventOf<'quote'> {
  return createEvent(
    'quote',
    {
      symbol,
      bidPrice: '189.5',
      bidSize: '15',
      askPrice: '190.25',
      askSize: '7',
      lastPrice: '189.75',
      lastQuantity: '3',
      vwap: '189.7',
      sessionVolume: '1200',
      ...fields,
    },
    { source: 'engine', shard, sequence, occurredAt: at(sequence) },
  );
}

export function candleEvent(
  symbol: string,
  sequence: number,
  candle: { interval?: CandleInterval; minute: number; close: string },
  shard = 0,
): EventOf<'candle.closed'> {
  return createEvent(
    'candle.closed',
    {
      symbol,
      interval: candle.interval ?? 'M1',
      openTime: new Date(Date.UTC(2026, 10, 24, 10, candle.minute)).toISOString(),
      open: '189.12345678',
      high: '191',
      low: '188.5',
      close: candle.close,
      volume: '12345678901234567890.12345678',
      vwap: '189.9',
      tradeCount: 42,
    },
    { source: 'engine', shard, sequence, occurredAt: at(sequence) },
  );
}

/** A match between two orders; its trade id (opaque, like the engine's) is unique per symbol and sequence. */
export function tradeEvent(
  symbol: string,
  sequence: number,
  price: string,
  quantity: string,
  shard = 0,
  fields: Partial<Pick<Trade, 'tradeId' | 'aggressorSide' | 'taker' | 'maker'>> = {},
): EventOf<'trade'> {
  return createEvent(
    'trade',
    {
      tradeId: `${symbol}-${sequence}`,
      symbol,
      price,
      quantity,
      aggressorSide: 'BUY',
      taker: { orderId: 'taker-order', accountId: 'taker' },
      maker: { orderId: 'maker-order', accountId: 'maker' },
      ...fields,
    },
    { source: 'engine', shard, sequence, occurredAt: at(sequence) },
  );
}

/** An external print (IngestTrades): no orders behind it, and a feed that names no aggressor. */
export const printEvent = (symbol: string, sequence: number, price: string, quantity: string, shard = 0) =>
  tradeEvent(symbol, sequence, price, quantity, shard, { aggressorSide: null, taker: null, maker: null });

/** A resting limit order accepted by the engine, as its `order.accepted` event. */
export function orderAcceptedEvent(
  symbol: string,
  sequence: number,
  order: { orderId: string; side: 'BUY' | 'SELL'; price: string; quantity: string },
  shard = 0,
): EventOf<'order.accepted'> {
  return createEvent(
    'order.accepted',
    {
      ...order,
      symbol,
      accountId: 'maker',
      requestId: null,
      orderType: 'LIMIT',
      filledQuantity: '0',
      leavesQuantity: order.quantity,
    },
    { source: 'engine', shard, sequence, occurredAt: at(sequence) },
  );
}
