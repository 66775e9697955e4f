import { describe, expect, it } from 'vitest';
import { COMMAND_SLOT_SIZE, EventBuffer, OrderType, RejectReason, Shard, Side, decodeEvents, encodeAddInstrument, encodeSetRiskLimits } from '../../src/core/index.js';
import { LOT, ShardHarness, TICK, rejection } from './harness.js';

/** A book with one bid and one ask, so "no change" is visible. */
function seeded(): ShardHarness {
  const h = new ShardHarness();
  h.submit({ side: Side.BUY, price: 99, quantity: 1, account: 2 });
  h.submit({ side: Side.SELL, price: 101, quantity: 1, account: 2 });
  return h;
}

const cases: [string, (h: ShardHarness) => ReturnType<ShardHarness['submitRaw']>, number][] = [
  ['an unknown symbol', (h) => h.submitRaw(1, 10, Side.BUY, OrderType.LIMIT, 100 * TICK, LOT, 0, 8), RejectReason.UNKNOWN_SYMBOL],
  ['a zero price', (h) => h.submitRaw(1, 10, Side.BUY, OrderType.LIMIT, 0, LOT), RejectReason.INVALID_PRICE],
  ['a negative price', (h) => h.submitRaw(1, 10, Side.BUY, OrderType.LIMIT, -100 * TICK, LOT), RejectReason.INVALID_PRICE],
  ['a NaN price', (h) => h.submitRaw(1, 10, Side.BUY, OrderType.LIMIT, NaN, LOT), RejectReason.INVALID_PRICE],
  ['an off-tick price', (h) => h.submitRaw(1, 10, Side.BUY, OrderType.LIMIT, 100 * TICK + 1, LOT), RejectReason.PRICE_OFF_TICK],
  ['a zero quantity', (h) => h.submitRaw(1, 10, Side.BUY, OrderType.LIMIT, 100 * TICK, 0), RejectReason.INVALID_QUANTITY],
  ['a fractional quantity', (h) => h.submitRaw(1, 10, Side.BUY, OrderType.LIMIT, 100 * TICK, 0.5), RejectReason.INVALID_QUANTITY],
  ['an off-lot quantity', (h) => h.submitRaw(1, 10, Side.BUY, OrderType.LIMIT, 100 * TICK, LOT / 2), RejectReason.QUANTITY_OFF_LOT],
  ['an unknown side', (h) => h.submitRaw(1, 10, 3, OrderType.LIMIT, 100 * TICK, LOT), RejectReason.INVALID_SIDE],
  ['an unknown order type', (h) => h.submitRaw(1, 10, Side.BUY, 9, 100 * TICK, LOT), RejectReason.INVALID_ORDER_TYPE],
  ['an unknown STP mode', (h) => h.submitRaw(1, 10, Side.BUY, OrderType.LIMIT, 100 * TICK, LOT, 7), RejectReason.INVALID_STP_MODE],
  ['a missing account', (h) => h.submitRaw(0, 10, Side.BUY, OrderType.LIMIT, 100 * TICK, LOT), RejectReason.INVALID_ACCOUNT],
  ['a live order id', (h) => h.submitRaw(1, 1, Side.BUY, OrderType.LIMIT, 100 * TICK, LOT), RejectReason.DUPLICATE_ORDER_ID],
  ['a zero order id', (h) => h.submitRaw(1, 0, Side.BUY, OrderType.LIMIT, 100 * TICK, LOT), RejectReason.DUPLICATE_ORDER_ID],
  ['a cancel of an unknown order', (h) => h.cancel(12345), RejectReason.UNKNOWN_ORDER],
  ["a cancel of someone else's order", (h) => h.cancel(1, 1), RejectReason.NOT_ORDER_OWNER],
  ['an amend to an off-tick price', (h) => h.amend(1, 99.5, 0, 2), RejectReason.PRICE_OFF_TICK],
  ["an amend of someone else's order", (h) => h.amend(1, 98, 0, 1), RejectReason.NOT_ORDER_OWNER],
];

describe('bad input', () => {
  for (const [what, act, reason] of cases) {
    it(`rejects ${what} with reason ${reason} and changes no book`, () => {
      const h = seeded();
      const before = [h.book(Side.BUY), h.book(Side.SELL)];
      const events = act(h);
      expect(events.map((e) => e.type)).toEqual(['ORDER_REJECTED']);
      expect(rejection(events)).toBe(reason);
      expect([h.book(Side.BUY), h.book(Side.SELL)]).toEqual(before);
    });
  }

  it('rejects an unknown command kind, a bad timestamp and bad instrument or limit settings', () => {
    const shard = new Shard([{ symbolId: 1, tickSize: 1, lotSize: 1 }]);
    const out = new EventBuffer(8);
    const commands = new Float64Array(COMMAND_SLOT_SIZE);
    const reasonOf = (): number | undefined => {
      out.count = 0;
      shard.execute(commands, 0, out);
      const [event] = decodeEvents(out.slots, out.count);
      return event?.type === 'ORDER_REJECTED' ? event.reason : undefined;
    };
    commands.set([42, 1, 1]);
    expect(reasonOf()).toBe(RejectReason.UNKNOWN_COMMAND);
    commands.set([1, 1, 1, 1, 1, 1, 1, 1, 1, 0, NaN]);
    expect(reasonOf()).toBe(RejectReason.INVALID_TIMESTAMP);
    encodeAddInstrument(commands, 0, 1, 1, 1, 1, 0);
    expect(reasonOf()).toBe(RejectReason.DUPLICATE_SYMBOL);
    encodeAddInstrument(commands, 0, 1, 2, 0, 1, 0);
    expect(reasonOf()).toBe(RejectReason.INVALID_INSTRUMENT);
    encodeSetRiskLimits(commands, 0, 1, 0, 5, -1, 0, 0, 0, 0, 0);
    expect(reasonOf()).toBe(RejectReason.INVALID_RISK_LIMITS);
  });
});
