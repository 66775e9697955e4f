import { EventType, RejectReason } from '../core/index.js';
import type { OrderOutcome } from './outcomes.js';

/**
 * Most (account, client order id) pairs remembered. A pair costs its key (up to 64 + 128
 * characters) and a settled promise of an OrderOutcome, a few hundred bytes: 100 000 pairs stay
 * in the tens of MB, and cover far longer than any client retries one request.
 */
export const MAX_CLIENT_ORDER_IDS = 100_000;

const CLIENT_ORDER_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Whether `id` is a client order id the engine accepts: 1–64 characters of [A-Za-z0-9._:-]. */
export function isValidClientOrderId(id: string): boolean {
  return CLIENT_ORDER_ID.test(id);
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
 * Makes SubmitOrder idempotent per (account id, client order id) for one engine run: the first
 * submission's promise is kept, and a repeat gets it (in flight or settled) instead of placing
 * another order. A submission that failed (overload, stopped engine, failed shard) or was
 * rejected as malformed is forgotten once it settles, so a retry goes through. Only the newest
 * `capacity` pairs are kept, in insertion order; the oldest is forgotten first.
 */
export class ClientOrderIds {
  private readonly answers = new Map<string, Promise<OrderOutcome>>();

  constructor(private readonly capacity = MAX_CLIENT_ORDER_IDS) {}

  get size(): number {
    return this.answers.size;
  }

  /** The answer of the first submission of this pair still remembered, or `submit()`'s. */
  submitOnce(accountId: string, clientOrderId: string, submit: () => Promise<OrderOutcome>): Promise<OrderOutcome> {
    // A client order id has no space, so the first space separates the two parts unambiguously.
    const key = `${clientOrderId} ${accountId}`;
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    const answer = submit();
    this.answers.set(key, answer);
    if (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value!);
    answer.then(
      (outcome) => {
        if (!isFinal(outcome)) this.forget(key, answer);
      },
      () => this.forget(key, answer),
    );
    return answer;
  }

  /** Drops the pair unless it was evicted and submitted anew meanwhile. */
  private forget(key: string, answer: Promise<OrderOutcome>): void {
    if (this.answers.get(key) === answer) this.answers.delete(key);
  }
}
