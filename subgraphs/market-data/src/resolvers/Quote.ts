import type { QuoteResolvers } from './types.generated.js';

export const Quote: QuoteResolvers = {
  spread: (quote) => (quote.bid && quote.ask ? quote.ask.minus(quote.bid) : null),
};
