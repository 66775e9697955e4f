import { Repeater } from '@repeaterjs/repeater';
import type { Instrument, Quote } from '@mib/db';

export interface QuoteUpdate {
  readonly quotes: { readonly instrument: Instrument; readonly quote: Quote };
}

/**
 * The latest quote of each instrument that has one, at once, then every live quote: a subscriber
 * sees the market straight away rather than after its next move. `live` is listened to before
 * the latest quotes are read, so no quote in between is missed; a live quote older than the one
 * shown first for its instrument (it was on its way while that was read) is stale and passed over.
 */
export function quoteUpdates(
  live: AsyncIterableIterator<QuoteUpdate>,
  loadLatest: () => Promise<readonly QuoteUpdate[]>,
): AsyncIterableIterator<QuoteUpdate> {
  return new Repeater<QuoteUpdate>(async (push, stop) => {
    const stopped = stop.then(() => undefined);
    try {
      let next = live.next();
      const shownAt = new Map<string, Date>();
      for (const update of await loadLatest()) {
        shownAt.set(update.quotes.instrument.id, update.quotes.quote.updatedAt);
        await push(update);
      }
      for (;;) {
        const result = await Promise.race([next, stopped]);
        if (!result || result.done) break;
        const { instrument, quote } = result.value.quotes;
        const shown = shownAt.get(instrument.id);
        if (!shown || quote.updatedAt >= shown) await push(result.value);
        next = live.next();
      }
    } finally {
      stop();
      await live.return?.();
    }
  });
}
