/**
 * The event envelope and the union of all event types (PROTOCOL.md, "Envelope").
 */
import { z } from 'zod';
import { id, isoInstant } from './fields.js';
import {
  candleClosed,
  orderCancelled,
  orderFill,
  orderRejected,
  orderState,
  quote,
  riskAlert,
  trade,
} from './payloads.js';

/** The one schema version this build reads and writes. */
export const SCHEMA_VERSION = 1;

const envelope = {
  schemaVersion: z.literal(SCHEMA_VERSION, {
    error: (issue) =>
      `unsupported schemaVersion ${JSON.stringify(issue.input)} (this build reads ${SCHEMA_VERSION})`,
  }),
  source: z.string().min(1),
  key: id,
  shard: z.number().int().min(0),
  sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  occurredAt: isoInstant,
};

const eventOf = <const Type extends string, Payload extends z.ZodType>(type: Type, payload: Payload) =>
  z.strictObject({ ...envelope, type: z.literal(type), payload });

export const tradingEventSchema = z.discriminatedUnion(
  'type',
  [
    eventOf('order.accepted', orderState),
    eventOf('order.rejected', orderRejected),
    eventOf('order.partially_filled', orderFill),
    eventOf('order.filled', orderFill),
    eventOf('order.cancelled', orderCancelled),
    eventOf('order.amended', orderState),
    eventOf('trade', trade),
    eventOf('quote', quote),
    eventOf('candle.closed', candleClosed),
    eventOf('risk.alert', riskAlert),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `unknown event type ${JSON.stringify((issue.input as { type?: unknown } | undefined)?.type)}`
        : undefined,
  },
);

/** Any event on the bus, discriminated by `type`. */
export type TradingEvent = z.infer<typeof tradingEventSchema>;
export type EventType = TradingEvent['type'];
/** The event of one type, e.g. `EventOf<'trade'>`. */
export type EventOf<Type extends EventType> = Extract<TradingEvent, { type: Type }>;
/** The payload of one type, e.g. `PayloadOf<'quote'>`. */
export type PayloadOf<Type extends EventType> = EventOf<Type>['payload'];

export const eventTypes = tradingEventSchema.options.map(
  (option) => option.shape.type.value,
) as readonly EventType[];
