import { afterEach, describe, expect, it } from 'vitest';
import { defaultRetryPolicy, memberStopping, retryUntilDone } from '../src/retryUntilDone.js';

const warnings: Error[] = [];
const onWarning = (warning: Error) => void warnings.push(warning);
afterEach(() => {
  process.off('warning', onWarning);
  warnings.length = 0;
});

describe("a member's retries", () => {
  it('wait on its stop signal from many partitions at once without a listener-leak warning', async () => {
    process.on('warning', onWarning);
    const stopping = memberStopping();
    const loop = {
      retry: { ...defaultRetryPolicy, initialDelayMs: 20 },
      signal: stopping.signal,
      onFailure: () => {},
    };
    // Twenty partitions whose handler fails once: all twenty wait to retry at the same time.
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        retryUntilDone(async (attempt) => {
          if (attempt === 1) throw new Error('database busy');
        }, loop),
      ),
    );
    expect(outcomes).toEqual(Array.from({ length: 20 }, () => 'done'));
    await new Promise(setImmediate);
    expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
  });

  it('are abandoned when the member stops', async () => {
    const stopping = memberStopping();
    const loop = { retry: defaultRetryPolicy, signal: stopping.signal, onFailure: () => stopping.abort() };
    await expect(retryUntilDone(() => Promise.reject(new Error('down')), loop)).resolves.toBe('abandoned');
  });
});
