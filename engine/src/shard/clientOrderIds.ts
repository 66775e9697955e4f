import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { EventType, RejectReason } from '../core/index.js';
import type { OrderOutcome } from './outcomes.js';

/**
 * Most (account, client order id) pairs remembered. A pair costs its key (hash and account,
 * up to 16 + 128 characters) and a settled promise of an OrderOutcome, a few hundred bytes: 100 000 pairs stay
 * in the tens of MB, and cover far longer than any client retries one request.
 */
export const MAX_CLIENT_ORDER_IDS = 100_000;

const CLIENT_ORDER_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Whether `id` is a client order id the engine accepts: 1–64 characters of [A-Za-z0-9._:-]. */
export function isValidClientOrderId(id: string): boolean {
  return CLIENT_ORDER_ID.test(id);
}

/**
 * Command slot field in which the main thread journals a SUBMIT's client order id, as
 * `clientOrderIdHash` (0 = none). SUBMIT leaves fields 11–15 unused and the core never reads them
 * for it; only the main thread writes this field and only recovery reads it back.
 */
export const CLIENT_ORDER_ID_HASH_FIELD = 11;

/**
 * A client order id as one slot value: the first 53 bits of its SHA-256 (1 … 2^53 − 1, exact in
 * float64). It is always compared together with the account, so two ids collide only if one
 * account's own ids share 53 hash bits: about 1 in 10^6 for 100 000 ids of a single account.
 */
export function clientOrderIdHash(clientOrderId: string): number {
  const digest = createHash('sha256').update(clientOrderId).digest();
  return (digest.readUInt32BE(0) & 0x1f_ffff) * 2 ** 32 + digest.readUInt32BE(4) || 1;
}

/** Whether a SUBMIT slot's CLIENT_ORDER_ID_HASH_FIELD holds a hash (not 0, not a stale value of another kind). */
export function isClientOrderIdHash(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}

/**
 * Pairs a snapshot walks between yields to the event loop, so that gRPC calls and shard events
 * wait about a millisecond at a time, not the tens of ms a walk of 100 000 pairs takes
 * (bench/snapshotClientOrders.ts).
 */
const PAIRS_PER_TURN = 4096;

/** A remembered pair: the answer, the id's hash, and the outcome once settled for good. */
interface Remembered {
  readonly answer: Promise<OrderOutcome>;
  readonly hash: number;
  outcome: OrderOutcome | undefined;
}

/**
 * Whether an outcome is the order's answer for good. A validation reject (100–199) says the
 * request was malformed and placed nothing, so a corrected retry with the same id must go
 * through; a risk or matching reject (200–399) is the engine's decision on a well-formed order,
 * recorded like an acceptance (the orders subgraph keeps such an order as REJECTED).
 */
function isFinal(outcome: OrderOutcome): boolean {
  return outcome.lastEventType !== EventType.ORDER_REJECTED || outcome.reason >= RejectReason.MAX_ORDER_QUANTITY_EXCEEDED;
}

/**
 * Makes SubmitOrder idempotent per (account id, client order id): the first submission's promise
 * is kept, and a repeat gets it (in flight or settled) instead of placing another order. A
 * submission that failed (overload, stopped engine, failed shard) or was rejected as malformed is
 * forgotten once it settles, so a retry goes through. Only the newest `capacity` pairs are kept,
 * in insertion order; the oldest is forgotten first. Pairs are keyed by the id's hash, the form
 * the journal keeps, so a restarted engine can `recall` them (EngineDurability).
 */
export class ClientOrderIds {
  private readonly answers = new Map<string, Remembered>();

  constructor(private readonly capacity = MAX_CLIENT_ORDER_IDS) {}

  get size(): number {
    return this.answers.size;
  }

  /**
   * The answer of the first submission of this pair still remembered, or `submit(hash)`'s (the
   * submission journals `hash` in its SUBMIT slot).
   */
  submitOnce(
    accountId: string,
    clientOrderId: string,
    submit: (hash: number) => Promise<OrderOutcome>,
  ): Promise<OrderOutcome> {
    const hash = clientOrderIdHash(clientOrderId);
    const known = this.answers.get(keyOf(accountId, hash));
    if (known !== undefined) return known.answer;
    const answer = submit(hash);
    this.recall(accountId, hash, answer);
    return answer;
  }

  /** Remembers `answer` for the pair (newest first out of `capacity`), as `submitOnce` does. */
  recall(accountId: string, hash: number, answer: Promise<OrderOutcome>): void {
    const key = keyOf(accountId, hash);
    const remembered: Remembered = { answer, hash, outcome: undefined };
    this.remember(key, remembered);
    answer.then(
      (outcome) => {
        if (isFinal(outcome)) remembered.outcome = outcome;
        else this.forget(key, remembered);
      },
      () => this.forget(key, remembered),
    );
  }

  /**
   * Remembers an answer that settled before (a snapshot's) as `recall` would once it settled, but
   * without a promise reaction per pair: recovery recalls up to `capacity` of them at once.
   */
  recallSettled(accountId: string, hash: number, outcome: OrderOutcome): void {
    const key = keyOf(accountId, hash);
    if (isFinal(outcome)) this.remember(key, { answer: Promise.resolve(outcome), hash, outcome });
    else this.answers.delete(key);
  }

  /**
   * Calls `visit` with the settled answers of `shard`'s orders, oldest first, once every answer in
   * flight now has settled: a snapshot's commands may have run before their events reached the
   * main thread. The walk yields to the event loop every PAIRS_PER_TURN pairs and allocates
   * nothing per pair. Pairs added meanwhile are visited if settled by the time the walk reaches
   * them; pairs evicted meanwhile are not (they are forgotten, as they would have been anyway).
   */
  async forEachSettled(shard: number, visit: (hash: number, outcome: OrderOutcome) => void): Promise<void> {
    const inFlight: Promise<OrderOutcome>[] = [];
    let walked = 0;
    for (const pair of this.answers.values()) {
      if (pair.outcome === undefined) inFlight.push(pair.answer);
      if (++walked % PAIRS_PER_TURN === 0) await nextTurn();
    }
    await Promise.allSettled(inFlight);
    for (const { hash, outcome } of this.answers.values()) {
      if (outcome?.shard === shard) visit(hash, outcome);
      if (++walked % PAIRS_PER_TURN === 0) await nextTurn();
    }
  }

  /** Stores the pair as the newest, forgetting the oldest beyond `capacity`. */
  private remember(key: string, remembered: Remembered): void {
    this.answers.delete(key);
    this.answers.set(key, remembered);
    if (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value!);
  }

  /** Drops the pair unless it was evicted and submitted anew meanwhile. */
  private forget(key: string, remembered: Remembered): void {
    if (this.answers.get(key) === remembered) this.answers.delete(key);
  }
}

/** A hash is digits only, so the first space separates it from the account unambiguously. */
const keyOf = (accountId: string, hash: number): string => `${hash} ${accountId}`;
