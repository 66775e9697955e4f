import { COMMAND_SLOT_SIZE, CommandField as C, CommandKind } from '../core/index.js';
import type { AccountDirectory } from './accountDirectory.js';
import { decodeClientOrderAnswers } from './clientOrderAnswers.js';
import { CLIENT_ORDER_ID_HASH_FIELD, isClientOrderIdHash, type ClientOrderIds } from './clientOrderIds.js';
import { OrderCommandEntry, type OrderOutcome } from './outcomes.js';
import type { PendingEntry } from './pendingRequests.js';

/**
 * Recovery, before the journal tails are replayed: remembers in `ids` the client order id pairs
 * stored with each shard's snapshot (`snapshotAnswers[shard]`, ClientOrderAnswerWriter's bytes)
 * and those of the SUBMITs in each shard's tail (`tails[shard]`, command slots). A tail
 * SUBMIT's answer is collected (`track`) from the events its replay re-emits with the same
 * request id and sequences, so it is the first answer exactly. Pairs are remembered in order id
 * order, the order of their first submissions, so the oldest is still forgotten first.
 * `accounts` must already have the journal's accounts back under their old numbers.
 */
export function recallClientOrderIds(
  ids: ClientOrderIds,
  accounts: AccountDirectory,
  track: (shard: number, entry: PendingEntry) => void,
  snapshotAnswers: readonly Uint8Array[],
  tails: readonly Float64Array[],
): void {
  // A snapshot's answer is settled; a tail SUBMIT's is still to come from its replay.
  const recalled: { orderId: number; accountId: number; hash: number; answer: OrderOutcome | Promise<OrderOutcome> }[] = [];
  for (const [shard, bytes] of snapshotAnswers.entries())
    decodeClientOrderAnswers(bytes, shard, (hash, outcome) =>
      recalled.push({ orderId: outcome.orderId, accountId: outcome.accountId, hash, answer: outcome }),
    );
  for (const [shard, tail] of tails.entries()) {
    for (let at = 0; at < tail.length; at += COMMAND_SLOT_SIZE) {
      const hash = tail[at + CLIENT_ORDER_ID_HASH_FIELD]!;
      if (tail[at + C.KIND] !== CommandKind.SUBMIT || !isClientOrderIdHash(hash)) continue;
      const orderId = tail[at + C.ORDER_ID]!;
      const accountId = tail[at + C.ACCOUNT_ID]!;
      const entry = new OrderCommandEntry(tail[at + C.REQUEST_ID]!, shard, orderId, tail[at + C.SYMBOL_ID]!, accountId);
      track(shard, entry);
      recalled.push({ orderId, accountId, hash, answer: entry.promise });
    }
  }
  // A pair both in a snapshot and in the tail after it (answered between the snapshot request and
  // its storing) is recalled twice; the later recall replaces the earlier, same order either way.
  recalled.sort((a, b) => a.orderId - b.orderId);
  for (const { accountId, hash, answer } of recalled) {
    if (answer instanceof Promise) ids.recall(accounts.nameOf(accountId), hash, answer);
    else ids.recallSettled(accounts.nameOf(accountId), hash, answer);
  }
}
