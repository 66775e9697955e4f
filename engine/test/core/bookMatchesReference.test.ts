import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderType, Side, StpMode, type EngineEvent } from '../../src/core/index.js';
import { LOT, ShardHarness, TICK, ofType, rejection } from './harness.js';
import { ReferenceBook, type ReferenceResult } from './referenceBook.js';

type Command =
  | { kind: 'submit'; account: number; side: Side; type: OrderType; price: number; quantity: number; stp: StpMode }
  | { kind: 'cancel'; pick: number; account: number | null }
  | { kind: 'amend'; pick: number; price: number; quantity: number }
  | { kind: 'cancelAll'; account: number };

const orderType = fc.constantFrom(OrderType.LIMIT, OrderType.LIMIT, OrderType.LIMIT, OrderType.MARKET, OrderType.IOC, OrderType.FOK, OrderType.POST_ONLY);
const stpMode = fc.constantFrom(StpMode.NONE, StpMode.NONE, StpMode.NONE, StpMode.CANCEL_RESTING, StpMode.CANCEL_INCOMING, StpMode.CANCEL_BOTH);
const side = fc.constantFrom(Side.BUY, Side.SELL);

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('submit' as const), account: fc.integer({ min: 1, max: 3 }), side, type: orderType, price: fc.integer({ min: 95, max: 105 }), quantity: fc.integer({ min: 1, max: 10 }), stp: stpMode }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat(), account: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('amend' as const), pick: fc.nat(), price: fc.oneof(fc.constant(0), fc.integer({ min: 95, max: 105 })), quantity: fc.integer({ min: 0, max: 10 }) }) },
  // Account 0 now and then: the reject.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancelAll' as const), account: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.constant(0) }) }) },
);

/** What the engine's events say about one command, in the reference model's terms. */
function observed(events: EngineEvent[]): ReferenceResult {
  const rejected = rejection(events);
  return {
    ...(rejected === undefined ? {} : { rejected }),
    trades: ofType(events, 'TRADE').map((t) => ({ makerId: t.makerOrderId, takerId: t.takerOrderId, price: t.price / TICK, quantity: t.quantity / LOT })),
    cancelled: ofType(events, 'ORDER_CANCELLED').map((c) => c.orderId),
  };
}

/** Runs the commands on the engine and the model, comparing after every command. */
function runAgainstModel(commands: Command[]): void {
    const engine = new ShardHarness();
    const model = new ReferenceBook();
    const submitted: { id: number; account: number }[] = [];
    let nextId = 1;
    for (const c of commands) {
      let expected: ReferenceResult;
      let events: EngineEvent[];
      if (c.kind === 'submit') {
        const id = nextId++;
        submitted.push({ id, account: c.account });
        expected = model.submit(id, c.account, c.side, c.type, c.type === OrderType.MARKET ? 0 : c.price, c.quantity, c.stp);
        events = engine.submit({ orderId: id, account: c.account, side: c.side, type: c.type, price: c.type === OrderType.MARKET ? 0 : c.price, quantity: c.quantity, stp: c.stp });
      } else if (c.kind === 'cancelAll') {
        expected = model.cancelAll(c.account);
        events = engine.cancelAll(c.account);
      } else {
        // Mostly a live order (the interesting case), sometimes any order ever submitted.
        const live = model.orders;
        const target = c.pick % 4 !== 0 && live.length > 0
          ? live[c.pick % live.length]!
          : submitted.length === 0 ? { id: 999_999, account: 1 } : submitted[c.pick % submitted.length]!;
        if (c.kind === 'cancel') {
          const account = c.account ?? target.account;
          expected = model.cancel(target.id, account);
          events = engine.cancel(target.id, account);
        } else {
          expected = model.amend(target.id, target.account, c.price, c.quantity);
          events = engine.amend(target.id, c.price, c.quantity, target.account);
        }
      }
      expect(observed(events)).toEqual(expected);
      for (const s of [Side.BUY, Side.SELL]) {
        expect(engine.book(s)).toEqual(model.side(s).map((o) => [o.id, o.price, o.leaves]));
      }
    }
}

describe('order book against a reference model', () => {
  it('produces the same trades, rejects, cancels and resting orders over random command sequences', () => {
    fc.assert(fc.property(fc.array(command, { minLength: 1, maxLength: 200, size: 'max' }), runAgainstModel), { numRuns: 300 });
  }, 60_000);

  it('agrees on a sequence once found to differ (amend up, then down, at one price)', () => {
    runAgainstModel([
      { kind: 'submit', account: 1, side: Side.BUY, type: OrderType.LIMIT, price: 95, quantity: 1, stp: StpMode.NONE },
      { kind: 'amend', pick: 0, price: 0, quantity: 2 },
      { kind: 'submit', account: 1, side: Side.BUY, type: OrderType.LIMIT, price: 95, quantity: 1, stp: StpMode.NONE },
      { kind: 'amend', pick: 0, price: 0, quantity: 1 },
      { kind: 'submit', account: 1, side: Side.BUY, type: OrderType.LIMIT, price: 95, quantity: 1, stp: StpMode.NONE },
    ]);
  });

  it('conserves quantity: every order ends filled plus open plus cancelled equal to what was submitted', () => {
    fc.assert(
      fc.property(fc.array(command.filter((c) => c.kind === 'submit'), { minLength: 1, maxLength: 200, size: 'max' }), (commands) => {
        const engine = new ShardHarness();
        const submittedQuantity = new Map<number, number>();
        const accounted = new Map<number, number>();
        let id = 1;
        for (const c of commands) {
          if (c.kind !== 'submit') continue;
          const events = engine.submit({ orderId: id, account: c.account, side: c.side, type: c.type, price: c.price, quantity: c.quantity, stp: c.stp });
          if (rejection(events) === undefined) submittedQuantity.set(id, c.quantity * LOT);
          id++;
          for (const t of ofType(events, 'TRADE')) {
            accounted.set(t.makerOrderId, (accounted.get(t.makerOrderId) ?? 0) + t.quantity);
            accounted.set(t.takerOrderId, (accounted.get(t.takerOrderId) ?? 0) + t.quantity);
          }
          for (const x of ofType(events, 'ORDER_CANCELLED')) accounted.set(x.orderId, (accounted.get(x.orderId) ?? 0) + x.quantity - x.filledQuantity);
        }
        for (const s of [Side.BUY, Side.SELL]) {
          for (const o of engine.shard.restingOrders(7, s)) accounted.set(o.orderId, (accounted.get(o.orderId) ?? 0) + o.leaves);
        }
        expect(accounted).toEqual(submittedQuantity);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
