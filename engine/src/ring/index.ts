export { createRingBuffers, type RingBuffers, type RingOptions } from './ringBuffers.js';
export { RingProducer, RingClosedError } from './ringProducer.js';
export { RingConsumer } from './ringConsumer.js';
export { Doorbell } from './doorbell.js';
export { WAIT_STRATEGIES, WAIT_STRATEGY_NAMES, type WaitStrategy, type WaitStrategyName } from './waitStrategy.js';
