import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFill, ExactDecimal, type Fill } from '../src/positions/applyFill.js';

const fillArbitrary = fc.record({
  side: fc.constantFrom<Fill['side']>('BUY', 'SELL'),
  // Prices with up to 5 decimals, quantities with up to 2: what the engine's ticks and lots allow.
  price: fc
    .integer({ min: 1, max: 50_000_000 })
    .map((units) => new ExactDecimal(units).dividedBy(100_000).toFixed()),
  quantity: fc
    .integer({ min: 1, max: 100_000 })
    .map((units) => new ExactDecimal(units).dividedBy(100).toFixed()),
});

describe('applyFill', () => {
  it('keeps the accounting identity: cash + quantity × P = realized + (P − average cost) × quantity', () => {
    fc.assert(
      fc.property(
        fc.array(fillArbitrary, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 50_000_000 }),
        (fills, markUnits) => {
          const mark = new ExactDecimal(markUnits).dividedBy(100_000);
          let position = { quantity: '0', averageCost: '0', realizedPnl: '0' };
          let cash = new ExactDecimal(0);
          for (const fill of fills) {
            const outcome = applyFill(position, fill);
            cash = cash.plus(outcome.cashChange);
            position = {
              quantity: outcome.position.quantity.toFixed(),
              averageCost: outcome.position.averageCost.toFixed(),
              realizedPnl: outcome.position.realizedPnl.toFixed(),
            };
          }
          const quantity = new ExactDecimal(position.quantity);
          const equity = cash.plus(quantity.times(mark));
          const pnl = new ExactDecimal(position.realizedPnl).plus(
            mark.minus(position.averageCost).times(quantity),
          );
          // Rounding: at most 0.00005 per money rounding (cash and realized P&L, each fill), and
          // 0.000000005 per unit held per re-averaging of the cost (bounded by units traded × fills).
          const traded = fills.reduce((sum, fill) => sum.plus(fill.quantity), new ExactDecimal(0));
          const tolerance = new ExactDecimal('0.00005')
            .times(fills.length * 2)
            .plus(traded.times('0.000000005').times(fills.length));
          expect(equity.minus(pnl).abs().lte(tolerance)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('opens and closes symmetrically: a round trip at one price realizes nothing and restores cash', () => {
    fc.assert(
      fc.property(fillArbitrary, (fill) => {
        const opened = applyFill({ quantity: '0', averageCost: '0', realizedPnl: '0' }, fill);
        const closed = applyFill(opened.position, { ...fill, side: fill.side === 'BUY' ? 'SELL' : 'BUY' });
        expect(closed.position.quantity.isZero()).toBe(true);
        expect(closed.position.realizedPnl.isZero()).toBe(true);
        expect(opened.cashChange.plus(closed.cashChange).isZero()).toBe(true);
      }),
    );
  });
});
