import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_SLOT_SIZE, CommandField as C, CommandKind, EVENT_SLOT_SIZE, EventBuffer, EventType, Shard } from '../src/core/index.js';
import { MarketSimulator } from '../src/simulator/index.js';
import { ClientOrderAnswerWriter, decodeClientOrderAnswers } from '../src/shard/clientOrderAnswers.js';
import { upgradeMib2ClientOrderAnswers } from '../src/shard/legacyClientOrderAnswers.js';
import { OrderCommandEntry, type OrderOutcome } from '../src/shard/outcomes.js';

interface Answer {
  readonly hash: number;
  readonly outcome: OrderOutcome;
}

function encode(answers: readonly Answer[]): Uint8Array {
  const writer = new ClientOrderAnswerWriter();
  for (const { hash, outcome } of answers) writer.add(hash, outcome);
  return writer.finish();
}

function decode(bytes: Uint8Array, shard: number): Answer[] {
  const answers: Answer[] = [];
  decodeClientOrderAnswers(bytes, shard, (hash, outcome) => answers.push({ hash, outcome }));
  return answers;
}

/** Every SUBMIT's first answer over a seeded simulator flow on one core shard, as the shell collects it. */
async function simulatedAnswers(commands: number, shard: number): Promise<Answer[]> {
  const instruments = [1, 2].map((symbolId) => ({ symbolId, tickSize: 1_000_000, lotSize: 100_000_000, initialPrice: symbolId * 100e8, volatility: 0.6 }));
  const slots = new Float64Array(commands * COMMAND_SLOT_SIZE);
  new MarketSimulator({ seed: 7, instruments }).generate(slots, 0, commands);
  const core = new Shard(instruments.map(({ symbolId, tickSize, lotSize }) => ({ symbolId, tickSize, lotSize })));
  const out = new EventBuffer(1024);
  const answers: Promise<OrderOutcome>[] = [];
  for (let i = 0; i < commands; i++) {
    const at = i * COMMAND_SLOT_SIZE;
    out.count = 0;
    core.execute(slots, i, out);
    if (slots[at + C.KIND] !== CommandKind.SUBMIT) continue;
    const entry = new OrderCommandEntry(slots[at + C.REQUEST_ID]!, shard, slots[at + C.ORDER_ID]!, slots[at + C.SYMBOL_ID]!, slots[at + C.ACCOUNT_ID]!);
    for (let e = 0; e < out.count; e++) entry.onEvent(out.slots, e * EVENT_SLOT_SIZE);
    entry.onDone();
    answers.push(entry.promise);
  }
  return (await Promise.all(answers)).map((outcome, i) => ({ hash: 2 ** 52 + i * 7_919, outcome }));
}

/** Small values (what slots usually hold) and any up to 2^53 − 1 (what they may hold). */
const value = fc.oneof(fc.nat(1_000_000), fc.maxSafeNat());
const fill = fc.record({ tradeId: value, price: value, quantity: value, makerOrderId: value });
const anyOutcome = (shard: number): fc.Arbitrary<OrderOutcome> =>
  fc.record({
    shard: fc.constant(shard),
    orderId: value,
    symbolId: value,
    accountId: value,
    lastEventType: fc.nat(15),
    reason: value,
    side: fc.nat(3),
    orderType: fc.nat(7),
    price: value,
    quantity: value,
    filledQuantity: value,
    leavesQuantity: value,
    fills: fc.array(fill, { maxLength: 5 }),
    sequence: value,
  });
/**
 * Outcomes whose trade ids, filled and leaves quantities each follow the writer's rule (as the
 * core's events make them) or not, in every combination.
 */
const mixedOutcome = (shard: number): fc.Arbitrary<OrderOutcome> =>
  fc.tuple(anyOutcome(shard), fc.boolean(), fc.boolean(), fc.boolean()).map(([o, usualTradeIds, usualFilled, usualLeaves]) => {
    const fills = usualTradeIds ? o.fills.map((f, i) => ({ ...f, tradeId: (o.fills[0]?.tradeId ?? 0) + i })) : o.fills;
    const filledQuantity = usualFilled ? fills.reduce((sum, f) => sum + f.quantity, 0) : o.filledQuantity;
    const closed = o.lastEventType === EventType.ORDER_CANCELLED || o.lastEventType === EventType.ORDER_REJECTED || o.lastEventType === 0;
    const leavesQuantity = usualLeaves ? (closed ? 0 : o.quantity - filledQuantity) : o.leavesQuantity;
    return { ...o, fills, filledQuantity, leavesQuantity };
  });

/** The MIB2 layout: 15 float64 values per answer, then 4 per fill. */
function mib2Values(answers: readonly Answer[]): Float64Array {
  return new Float64Array(
    answers.flatMap(({ hash, outcome: o }) => [
      hash, o.shard, o.orderId, o.symbolId, o.accountId, o.lastEventType, o.reason, o.side, o.orderType, o.price,
      o.quantity, o.filledQuantity, o.leavesQuantity, o.sequence, o.fills.length,
      ...o.fills.flatMap((f) => [f.tradeId, f.price, f.quantity, f.makerOrderId]),
    ]),
  );
}

describe('client order answers in a snapshot (MIB3)', () => {
  it('decodes the first answers of a simulated flow exactly, in under 40 bytes per answer', async () => {
    const answers = await simulatedAnswers(20_000, 3);
    expect(answers.some(({ outcome }) => outcome.fills.length > 1)).toBe(true);
    expect(answers.some(({ outcome }) => outcome.lastEventType === EventType.ORDER_CANCELLED)).toBe(true);
    expect(answers.some(({ outcome }) => outcome.lastEventType === EventType.ORDER_REJECTED)).toBe(true);
    const bytes = encode(answers);
    expect(decode(bytes, 3)).toEqual(answers);
    expect(bytes.length / answers.length).toBeLessThan(40);
  });

  it('decodes any answer of integers from 0 to 2^53 − 1 exactly, whether the usual rules rebuild its fields or not', () => {
    const answer = fc.record({ hash: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), outcome: mixedOutcome(5) });
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 20 }), (answers) => {
        expect(decode(encode(answers), 5)).toEqual(answers);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a value it could not give back exactly', () => {
    const base: OrderOutcome = { shard: 0, orderId: 1, symbolId: 1, accountId: 1, lastEventType: 1, reason: 0, side: 1, orderType: 1, price: 1e8, quantity: 1e8, filledQuantity: 0, leavesQuantity: 1e8, fills: [], sequence: 1 };
    for (const bad of [{ price: 1.5 }, { quantity: -1 }, { sequence: 2 ** 53 }, { side: 4 }, { lastEventType: Number.NaN }])
      expect(() => new ClientOrderAnswerWriter().add(1, { ...base, ...bad })).toThrow(RangeError);
    expect(() => new ClientOrderAnswerWriter().add(2 ** 53, base)).toThrow(RangeError);
  });

  it('throws on bytes cut short', async () => {
    const bytes = encode((await simulatedAnswers(200, 0)).slice(0, 3));
    expect(() => decode(bytes.subarray(0, bytes.length - 1), 0)).toThrow(/malformed/);
  });

  it('re-encodes the answers of a MIB2 snapshot file to the same answers', async () => {
    const answers = await simulatedAnswers(2_000, 1);
    expect(decode(upgradeMib2ClientOrderAnswers(mib2Values(answers)), 1)).toEqual(answers);
  });
});
