/**
 * Valid sample events for tests of this package and of its consumers (`@mib/events/testing`),
 * built with `createEvent` so envelopes are right by construction. Each comes from `shard` with
 * `sequence`, occurring `sequence` milliseconds after 2026-11-24T07:30Z.
 */
import { createEvent } from './createEvent.js';
import type { EventOf } from './eventSchema.js';

const at = (sequence: number) => new Date(Date.UTC(2026, 10, 24, 7, 30, 0, sequence));

export function orderAccepted(symbol: string, sequence: number, shard = 0): EventOf<'order.accepted'> {
  return createEvent(
    'order.accepted',
    {
      orderId: `order-${shard}-${sequence}`,
      accountId: 'account-1',
      symbol,
      requestId: `request-${sequence}`,
      side: 'BUY',
      orderType: 'LIMIT',
      price: '101.25',
      quantity: '10',
      filledQuantity: '0',
      leavesQuantity: '10',
    },
    { source: 'engine', shard, sequence, occurredAt: at(sequence) },
  );
}

export function trade(symbol: string, sequence: number, shard = 0): EventOf<'trade'> {
  return createEvent(
    'trade',
    {
      tradeId: `trade-${shard}-${sequence}`,
      symbol,
      price: '101.25',
      quantity: '4',
      aggressorSide: 'SELL',
      taker: { orderId: 'order-2', accountId: 'account-2' },
      maker: { orderId: 'order-1', accountId: 'account-1' },
    },
    { source: 'engine', shard, sequence, occurredAt: at(sequence) },
  );
}

export function quote(symbol: string, sequence: number, shard = 0): EventOf<'quote'> {
  return createEvent(
    'quote',
    {
      symbol,
      bidPrice: '101.00',
      bidSize: '5',
      askPrice: '101.50',
      askSize: '7',
      lastPrice: null,
      lastQuantity: null,
      vwap: null,
      sessionVolume: '0',
    },
    { source: 'engine', shard, sequence, occurredAt: at(sequence) },
  );
}

export function candleClosed(symbol: string, sequence: number, shard = 0): EventOf<'candle.closed'> {
  return createEvent(
    'candle.closed',
    {
      symbol,
      interval: 'M1',
      openTime: '2026-11-24T07:29:00.000Z',
      open: '100',
      high: '102',
      low: '99.5',
      close: '101.25',
      volume: '1200',
      vwap: '100.8',
      tradeCount: 17,
    },
    { source: 'engine', shard, sequence, occurredAt: at(sequence) },
  );
}

export function riskAlert(accountId: string, sequence: number): EventOf<'risk.alert'> {
  return createEvent(
    'risk.alert',
    {
      accountId,
      symbol: 'AAPL',
      severity: 'WARNING',
      kind: 'POSITION_LIMIT_EXCEEDED',
      message: 'position 1200 exceeds limit 1000',
      limit: '1000',
      value: '1200',
    },
    { source: 'risk', shard: 0, sequence, occurredAt: at(sequence) },
  );
}
