import { ClientOrderAnswerWriter } from './clientOrderAnswers.js';
import type { FillOutcome } from './outcomes.js';

/** Values per answer before its fills, and per fill, in a MIB2 snapshot file. */
const ANSWER_VALUES = 15;
const FILL_VALUES = 4;

/**
 * The client order answers of a MIB2 snapshot file, re-encoded as ClientOrderAnswerWriter
 * writes them, so recovery reads one format. MIB2 stored float64 values, per answer `hash, shard,
 * orderId, symbolId, accountId, lastEventType, reason, side, orderType, price, quantity,
 * filledQuantity, leavesQuantity, sequence, fillCount`, then `tradeId, price, quantity,
 * makerOrderId` per fill. Throws on values that do not parse as answers.
 */
export function upgradeMib2ClientOrderAnswers(values: Float64Array): Uint8Array {
  const writer = new ClientOrderAnswerWriter();
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
    writer.add(v(0), {
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
    });
    at = end;
  }
  return writer.finish();
}
