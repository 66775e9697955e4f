import { pino } from 'pino';
import { describe } from 'vitest';
import { InProcessEventBus } from '../src/index.js';
import { eventBusContract } from './eventBusContract.js';

describe('InProcessEventBus', () => {
  eventBusContract({
    createBus: () =>
      Promise.resolve(
        new InProcessEventBus({
          logger: pino({ level: 'silent' }),
          retry: { initialDelayMs: 5, maxDelayMs: 20 },
        }),
      ),
    timeoutMs: 2_000,
  });
});
