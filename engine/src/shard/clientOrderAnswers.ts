import type { FillOutcome, OrderOutcome } from './outcomes.js';

/** A remembered (account, client order id) pair: the id's hash and the first submission's answer. */
export interface ClientOrderAnswer {
  /** `clientOrderIdHash` of the client order id; the account is `outcome.accountId`. */
  readonly hash: number;
  readonly outcome: OrderOutcome;
}

/** Values per answer before its fills, and per fill. */
const ANSWER_VALUES = 15;
const FILL_VALUES = 4;

/**
 * Answers as float64 values, for the snapshot file: per answer `hash, shard, orderId, symbolId,
 * accountId, lastEventType, reason, side, orderType, price, quantity, filledQuantity,
 * leavesQuantity, sequence, fillCount`, then `tradeId, price, quantity, makerOrderId` per fill.
 * Every value is an integer below 2^53, like the slots they came from.
 */
export function encodeClientOrderAnswers(answers: readonly ClientOrderAnswer[]): Float64Array {
  let length = 0;
  for (const { outcome } of answers) length += ANSWER_VALUES + outcome.fills.length * FILL_VALUES;
  const values = new Float64Array(length);
  let at = 0;
  for (const { hash, outcome: o } of answers) {
    values.set(
      [hash, o.shard, o.orderId, o.symbolId, o.accountId, o.lastEventType, o.reason, o.side, o.orderType, o.price,
        o.quantity, o.filledQuantity, o.leavesQuantity, o.sequence, o.fills.length],
      at,
    );
    at += ANSWER_VALUES;
    for (const fill of o.fills) {
      values.set([fill.tradeId, fill.price, fill.quantity, fill.makerOrderId], at);
      at += FILL_VALUES;
    }
  }
  return values;
}

/** Reverses `encodeClientOrderAnswers`; throws on values that do not parse as answers. */
export function decodeClientOrderAnswers(values: Float64Array): ClientOrderAnswer[] {
  const answers: ClientOrderAnswer[] = [];
  let at = 0;
  while (at < values.length) {
    const v = (offset: number): number => values[at + offset]!;
    const fillCount = v(14);
    const end = at + ANSWER_VALUES + fillCount * FILL_VALUES;
    if (!Number.isSafeInteger(fillCount) || fillCount < 0 || end > values.length)
      throw new Error('client order answers: malformed record');
    const fills: FillOutcome[] = [];
    for (let f = at + ANSWER_VALUES; f < end; f += FILL_VALUES)
      fills.push({ tradeId: values[f]!, price: values[f + 1]!, quantity: values[f + 2]!, makerOrderId: values[f + 3]! });
    answers.push({
      hash: v(0),
      outcome: {
        shard: v(1),
        orderId: v(2),
        symbolId: v(3),
        accountId: v(4),
        lastEventType: v(5),
        reason: v(6),
        side: v(7),
        orderType: v(8),
        price: v(9),
        quantity: v(10),
        filledQuantity: v(11),
        leavesQuantity: v(12),
        sequence: v(13),
        fills,
      },
    });
    at = end;
  }
  return answers;
}
