import { describe, expect, it } from 'vitest';
import { EventType, RejectReason } from '../src/core/index.js';
import { ClientOrderAnswerWriter, decodeClientOrderAnswers } from '../src/shard/clientOrderAnswers.js';
import { ClientOrderIds, clientOrderIdHash, isClientOrderIdHash, isValidClientOrderId } from '../src/shard/clientOrderIds.js';
import { EngineBusyError } from '../src/shard/shardedEngine.js';
import type { OrderOutcome } from '../src/shard/outcomes.js';

const outcome = (orderId: number, lastEventType: number = EventType.ORDER_ACCEPTED, reason = 0): OrderOutcome => ({
  shard: 0,
  orderId,
  symbolId: 1,
  accountId: 1,
  lastEventType,
  reason,
  side: 1,
  orderType: 1,
  price: 1e8,
  quantity: 1e8,
  filledQuantity: 0,
  leavesQuantity: 1e8,
  fills: [],
  sequence: orderId,
});

/** A submit function that answers with the next outcome of `answers` and counts its calls. */
function submissions(...answers: (OrderOutcome | Error)[]) {
  const calls = { count: 0 };
  const submit = (): Promise<OrderOutcome> => {
    const answer = answers[calls.count++];
    if (answer === undefined) throw new Error('more submissions than expected');
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  return { submit, calls };
}

describe('client order ids', () => {
  it('accepts 1 to 64 characters of letters, digits and . _ : -', () => {
    expect(['a', 'order-1', 'A.b_c:d-9', 'x'.repeat(64)].every(isValidClientOrderId)).toBe(true);
    expect(['', 'x'.repeat(65), 'a b', 'a/b', 'é', 'a\n'].some(isValidClientOrderId)).toBe(false);
  });

  it('answers a repeat with the first submission, in flight or settled', async () => {
    const ids = new ClientOrderIds();
    const { submit, calls } = submissions(outcome(1));
    const first = ids.submitOnce('acct', 'k', submit);
    const inFlight = ids.submitOnce('acct', 'k', submit);
    expect(await inFlight).toBe(await first);
    expect(await ids.submitOnce('acct', 'k', submit)).toBe(await first);
    expect(calls.count).toBe(1);
  });

  it('keeps accounts apart, even when the ids would concatenate alike', async () => {
    const ids = new ClientOrderIds();
    const { submit, calls } = submissions(outcome(1), outcome(2), outcome(3));
    await ids.submitOnce('acct', 'k', submit);
    expect((await ids.submitOnce('other', 'k', submit)).orderId).toBe(2);
    expect((await ids.submitOnce('b acct', 'k:a', submit)).orderId).toBe(3);
    expect(calls.count).toBe(3);
  });

  it('forgets a failed submission and a validation reject, and remembers a risk reject', async () => {
    const ids = new ClientOrderIds();
    const { submit, calls } = submissions(
      new EngineBusyError(0),
      outcome(1, EventType.ORDER_REJECTED, RejectReason.PRICE_OFF_TICK),
      outcome(2, EventType.ORDER_REJECTED, RejectReason.PRICE_OUTSIDE_BAND),
    );
    await expect(ids.submitOnce('acct', 'k', submit)).rejects.toBeInstanceOf(EngineBusyError);
    expect((await ids.submitOnce('acct', 'k', submit)).reason).toBe(RejectReason.PRICE_OFF_TICK);
    expect((await ids.submitOnce('acct', 'k', submit)).orderId).toBe(2);
    expect((await ids.submitOnce('acct', 'k', submit)).orderId).toBe(2);
    expect(calls.count).toBe(3);
  });

  it('keeps only the newest pairs, forgetting the oldest first', async () => {
    const ids = new ClientOrderIds(2);
    const { submit, calls } = submissions(outcome(1), outcome(2), outcome(3), outcome(4));
    await ids.submitOnce('acct', 'a', submit);
    await ids.submitOnce('acct', 'b', submit);
    await ids.submitOnce('acct', 'c', submit);
    expect(ids.size).toBe(2);
    expect((await ids.submitOnce('acct', 'c', submit)).orderId).toBe(3);
    expect((await ids.submitOnce('acct', 'a', submit)).orderId).toBe(4);
    expect(calls.count).toBe(4);
  });

  it('hashes a client order id to a positive integer below 2^53, the same every run', () => {
    const hash = clientOrderIdHash('order-1');
    expect(isClientOrderIdHash(hash)).toBe(true);
    expect(clientOrderIdHash('order-1')).toBe(hash);
    expect(clientOrderIdHash('order-2')).not.toBe(hash);
  });

  it('recalls a pair by account and hash, and a repeat then gets the recalled answer', async () => {
    const ids = new ClientOrderIds();
    ids.recall('acct', clientOrderIdHash('k'), Promise.resolve(outcome(7)));
    const { submit, calls } = submissions(outcome(8));
    expect((await ids.submitOnce('acct', 'k', submit)).orderId).toBe(7);
    expect((await ids.submitOnce('other', 'k', submit)).orderId).toBe(8);
    expect(calls.count).toBe(1);
  });

  it('gives a snapshot the settled answers of its shard, fills included, in a form that decodes back', async () => {
    const ids = new ClientOrderIds();
    const filled = { ...outcome(1), fills: [{ tradeId: 3, price: 1e8, quantity: 2e8, makerOrderId: 9 }] };
    const { submit } = submissions(filled, { ...outcome(2), shard: 1 });
    await ids.submitOnce('acct', 'a', submit);
    await ids.submitOnce('acct', 'b', submit);
    const answers: { hash: number; outcome: OrderOutcome }[] = [];
    const writer = new ClientOrderAnswerWriter();
    await ids.forEachSettled(0, (hash, settled) => {
      answers.push({ hash, outcome: settled });
      writer.add(hash, settled);
    });
    expect(answers).toEqual([{ hash: clientOrderIdHash('a'), outcome: filled }]);
    const decoded: { hash: number; outcome: OrderOutcome }[] = [];
    decodeClientOrderAnswers(writer.finish(), 0, (hash, settled) => decoded.push({ hash, outcome: settled }));
    expect(decoded).toEqual(answers);
  });

  it('answers a repeat of a pair recalled settled with that answer, and forgets a validation reject', async () => {
    const ids = new ClientOrderIds();
    ids.recallSettled('acct', clientOrderIdHash('k'), outcome(7));
    ids.recall('acct', clientOrderIdHash('bad'), Promise.resolve(outcome(8)));
    ids.recallSettled('acct', clientOrderIdHash('bad'), outcome(8, EventType.ORDER_REJECTED, RejectReason.PRICE_OFF_TICK));
    const { submit, calls } = submissions(outcome(9));
    expect(await ids.submitOnce('acct', 'k', submit)).toEqual(outcome(7));
    expect((await ids.submitOnce('acct', 'bad', submit)).orderId).toBe(9);
    expect(calls.count).toBe(1);
  });

  it('walks every settled pair of a shard for a snapshot, yielding to the event loop on the way', async () => {
    const ids = new ClientOrderIds();
    for (let i = 1; i <= 10_000; i++) ids.recallSettled('acct', i, { ...outcome(i), shard: i % 2 });
    // Without a yield the walk would finish in microtasks, before any setImmediate callback.
    let otherWorkRan = false;
    setImmediate(() => (otherWorkRan = true));
    const visited: number[] = [];
    await ids.forEachSettled(1, (hash) => visited.push(hash));
    expect(visited).toEqual(Array.from({ length: 5_000 }, (_, i) => 2 * i + 1));
    expect(otherWorkRan).toBe(true);
  });
});
