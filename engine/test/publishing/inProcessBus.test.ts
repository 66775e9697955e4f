import { InProcessEventBus } from '@mib/events';
import { pino } from 'pino';
import { describe } from 'vitest';
import { publishingContract } from './crossingOrders.js';

describe('the engine publishing to the in-process bus', () => {
  publishingContract({
    createBus: () => Promise.resolve(new InProcessEventBus({ logger: pino({ level: 'silent' }) })),
    timeoutMs: 10_000,
  });
});
