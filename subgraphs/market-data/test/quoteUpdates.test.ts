import { Repeater } from '@repeaterjs/repeater';
import { describe, expect, it } from 'vitest';
import { Decimal, type Instrument } from '@mib/db';
import { quoteUpdates, type QuoteUpdate } from '../src/live/quoteUpdates.js';

const instrument = (id: string) => ({ id, symbol: id }) as Instrument;
const update = (id: string, bid: string, at: number): QuoteUpdate => ({
  quotes: {
    instrument: instrument(id),
    quote: {
      instrumentId: id,
      bid: new Decimal(bid),
      bidSize: null,
      ask: null,
      askSize: null,
      last: null,
      updatedAt: new Date(at),
    },
  },
});

/** Live quotes as a subscription hands them over, already waiting when the latest are read. */
const liveOf = (updates: QuoteUpdate[]) =>
  new Repeater<QuoteUpdate>(async (push, stop) => {
    for (const item of updates) await push(item);
    await stop;
  });

describe('quote updates', () => {
  it('start with the latest quotes, then pass over live ones older than what was shown', async () => {
    const live = liveOf([update('A', '1.0', 100), update('B', '2.0', 100), update('A', '1.2', 300)]);
    const stream = quoteUpdates(live, async () => [update('A', '1.1', 200)]);
    const bids: string[] = [];
    for await (const { quotes } of stream) {
      bids.push(`${quotes.instrument.id}:${quotes.quote.bid?.toFixed()}`);
      if (bids.length === 3) break;
    }
    // A at 100 was older than the A shown first (200): stale. B had nothing shown.
    expect(bids).toEqual(['A:1.1', 'B:2', 'A:1.2']);
  });
});
