export {
  SCHEMA_VERSION,
  eventTypes,
  tradingEventSchema,
  type EventOf,
  type EventType,
  type PayloadOf,
  type TradingEvent,
} from './eventSchema.js';
export type { OrderType, Side } from './fields.js';
export type {
  CancelReason,
  CandleClosed,
  CandleInterval,
  OrderCancelled,
  OrderFill,
  OrderRejected,
  OrderState,
  Quote,
  RiskAlert,
  Trade,
} from './payloads.js';
export { rejectReasonCodes, type RejectReason } from './rejectReasons.js';
export {
  deadLetterTopic,
  partitionKeyOf,
  topicOf,
  topics,
  type DeadLetterTopic,
  type Topic,
} from './topics.js';
export { EventValidationError, decodeEvent, encodeEvent, parseEvent } from './parseEvent.js';
export { createEvent, type EventOrigin } from './createEvent.js';
export { HighWaterMarks, isNewEvent, streamOf } from './idempotency.js';
export type { Delivery, EventBus, EventHandler, SubscribeOptions, Subscription } from './eventBus.js';
export { defaultRetryPolicy, retryUntilDone, type RetryLoop, type RetryPolicy } from './retryUntilDone.js';
export { InProcessEventBus, type InProcessEventBusOptions } from './inProcess/inProcessEventBus.js';
export { KafkaEventBus, type KafkaEventBusOptions } from './kafka/kafkaEventBus.js';
export { deadLetterHeaders } from './kafka/deadLetters.js';
export { createEventBus, parseBrokerList, type EventBusConfig } from './createEventBus.js';
export { BatchingPublisher, type BatchingPublisherOptions } from './batchingPublisher.js';
