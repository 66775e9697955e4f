/**
 * Topics and partition keys (PROTOCOL.md, "Topics and keys"). Each event type lives on exactly
 * one topic, and its key is the payload field whose order matters: the symbol for market and
 * order flow, the account for risk alerts.
 */
import type { EventType, TradingEvent } from './eventSchema.js';

export const topics = ['orders', 'trades', 'quotes', 'candles', 'risk-alerts'] as const;
export type Topic = (typeof topics)[number];

/**
 * Where a Kafka consumer puts a record it cannot decode (PROTOCOL.md, "Dead letters"). One topic
 * for all: its records are not events, so nobody subscribes to it through the bus, and headers
 * name the topic each came from.
 */
export const deadLetterTopic = 'dead-letter' as const;
export type DeadLetterTopic = typeof deadLetterTopic;

const topicByType = {
  'order.accepted': 'orders',
  'order.rejected': 'orders',
  'order.partially_filled': 'orders',
  'order.filled': 'orders',
  'order.cancelled': 'orders',
  'order.amended': 'orders',
  trade: 'trades',
  quote: 'quotes',
  'candle.closed': 'candles',
  'risk.alert': 'risk-alerts',
} as const satisfies Record<EventType, Topic>;

/** The topic an event type is published on. */
export function topicOf(type: EventType): Topic {
  return topicByType[type];
}

/** The partition key an event must carry in its envelope: its symbol, or account for risk alerts. */
export function partitionKeyOf(event: Pick<TradingEvent, 'type' | 'payload'>): string {
  const typed = event as TradingEvent;
  return typed.type === 'risk.alert' ? typed.payload.accountId : typed.payload.symbol;
}
