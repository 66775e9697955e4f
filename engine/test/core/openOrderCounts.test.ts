import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EVENT_SLOT_SIZE, EventBuffer, OrderType, Shard, Side, StpMode, encodeAmend, encodeCancel, encodeCancelAll, encodeSubmit,
} from '../../src/core/index.js';
import { LOT, NO_LIMITS, TICK, checkRiskBookkeeping } from './harness.js';

/**
 * CANCEL_ALL skips a side of a symbol by the account's count of open orders there and stops at
 * its last one, so those counts must equal the books' resting orders exactly, through every
 * command and across a snapshot restore.
 */

const SYMBOLS = [7, 8, 9];

type Command =
  | { kind: 'submit'; symbol: number; account: number; side: Side; type: OrderType; price: number; quantity: number; stp: StpMode }
  | { kind: 'cancel'; pick: number }
  | { kind: 'amend'; pick: number; price: number; quantity: number }
  | { kind: 'cancelAll'; symbol: number; account: number };

const symbol = fc.constantFrom(...SYMBOLS);
const account = fc.integer({ min: 1, max: 4 });
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('submit' as const), symbol, account, side: fc.constantFrom(Side.BUY, Side.SELL),
      type: fc.constantFrom(OrderType.LIMIT, OrderType.LIMIT, OrderType.LIMIT, OrderType.MARKET, OrderType.IOC, OrderType.FOK, OrderType.POST_ONLY),
      price: fc.integer({ min: 95, max: 105 }), quantity: fc.integer({ min: 1, max: 10 }),
      stp: fc.constantFrom(StpMode.NONE, StpMode.NONE, StpMode.CANCEL_RESTING, StpMode.CANCEL_INCOMING, StpMode.CANCEL_BOTH),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('amend' as const), pick: fc.nat(), price: fc.oneof(fc.constant(0), fc.integer({ min: 95, max: 105 })), quantity: fc.integer({ min: 0, max: 10 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancelAll' as const), symbol: fc.constantFrom(0, ...SYMBOLS), account }) },
);

/** Drives shards with the same commands; orders are picked among those submitted so far. */
class Driver {
  private readonly slot = new Float64Array(16);
  private readonly out = new EventBuffer(256);
  private readonly submitted: { id: number; symbol: number; account: number }[] = [];

  /** Runs the command on every shard and returns each shard's events (as raw slots). */
  run(shards: Shard[], c: Command): Float64Array[] {
    const s = this.slot;
    const request = this.submitted.length + 1;
    const now = 1_700_000_000_000;
    if (c.kind === 'submit') {
      const id = this.submitted.length + 1;
      this.submitted.push({ id, symbol: c.symbol, account: c.account });
      encodeSubmit(s, 0, request, c.symbol, c.account, id, c.side, c.type, c.price * TICK, c.quantity * LOT, c.stp, now);
    } else if (c.kind === 'cancelAll') {
      encodeCancelAll(s, 0, request, c.symbol, c.account, now);
    } else {
      const target = this.submitted[c.pick % Math.max(1, this.submitted.length)];
      if (target === undefined) return [];
      if (c.kind === 'cancel') encodeCancel(s, 0, request, target.symbol, target.account, target.id, now);
      else encodeAmend(s, 0, request, target.symbol, target.account, target.id, c.price * TICK, c.quantity * LOT, now);
    }
    return shards.map((shard) => {
      this.out.count = 0;
      shard.execute(s, 0, this.out);
      return this.out.slots.slice(0, this.out.count * EVENT_SLOT_SIZE);
    });
  }
}

describe('open order counts per account, symbol and side', () => {
  it('equal a recount of the resting orders after every command of random flows, and after a restore', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 150 }), fc.array(command, { maxLength: 50 }), (before, after) => {
        const original = new Shard(SYMBOLS.map((symbolId) => ({ symbolId, tickSize: TICK, lotSize: LOT })), { defaultRiskLimits: NO_LIMITS });
        const driver = new Driver();
        for (const c of before) {
          driver.run([original], c);
          checkRiskBookkeeping(original);
        }
        const restored = Shard.restore(original.snapshot(), { defaultRiskLimits: NO_LIMITS });
        checkRiskBookkeeping(restored);
        for (const c of after) {
          const [expected, replayed] = driver.run([original, restored], c);
          expect(replayed).toEqual(expected);
          checkRiskBookkeeping(restored);
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
