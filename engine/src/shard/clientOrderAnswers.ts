import { EventType } from '../core/index.js';
import type { FillOutcome, OrderOutcome } from './outcomes.js';

/** Flags of a record's head: a value stored because the usual rule would not rebuild it. */
const EXPLICIT_FILLED = 1;
const EXPLICIT_LEAVES = 2;
const EXPLICIT_TRADE_IDS = 4;
/** Bytes a record can take at most before its fills, and per fill (hash, then varints of at most 9 bytes). */
const RECORD_MAX_BYTES = 7 + 12 * 9;
const FILL_MAX_BYTES = 4 * 9;
/** Bytes of a typical answer with its fills, rounded up (30 measured in bench/snapshotClientOrders.ts). */
const TYPICAL_BYTES = 40;
const NO_FILLS: readonly FillOutcome[] = Object.freeze([]);

/** `value` if it is an integer from 0 to 2^53 − 1 (every slot value an answer holds), else RangeError. */
function checked(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`client order answers: ${value} is no integer from 0 to 2^53 − 1`);
  return value;
}

/** Whether an answer with this last event type has nothing left open (its leaves are 0). */
const isClosed = (lastEventType: number): boolean =>
  lastEventType === EventType.ORDER_CANCELLED || lastEventType === EventType.ORDER_REJECTED || lastEventType === 0;

/**
 * The remembered answers of one shard as bytes, for its snapshot file (version MIB3): about
 * 30 bytes per answer where the float64 records of MIB2 took 120 plus 32 per fill, written in
 * one pass without allocating per answer, since the main thread writes them while it serves.
 *
 * Per answer, oldest first: the hash (7 bytes, little-endian); a head varint `lastEventType |
 * side << 4 | orderType << 6 | flags << 9`; varints reason, orderId (signed, minus the previous
 * answer's), accountId, symbolId, price, quantity, sequence (signed, minus the previous answer's),
 * fill count; `filledQuantity` and `leavesQuantity` only when flagged; then the first fill's
 * trade id, and per fill its price (signed, minus the order's), quantity and maker order id
 * (signed, the order id minus it), each fill's trade id before its price when flagged. The shard
 * is the snapshot's. Left out unless flagged is what the core's events make true of a SUBMIT's
 * answer: its fills are its own as taker (filled = their sum), leaves is 0 once cancelled or
 * rejected and quantity − filled otherwise, a command's trades have consecutive ids. The flags
 * keep any other answer exact too: decoding gives back every field as it was.
 */
export class ClientOrderAnswerWriter {
  private bytes: Uint8Array;
  private at = 0;
  private previousOrderId = 0;
  private previousSequence = 0;

  /** `expected`: answers likely to be added; room for them is allocated once, not grown by copies. */
  constructor(expected = 0) {
    this.bytes = new Uint8Array(Math.max(1 << 12, expected * TYPICAL_BYTES));
  }

  /** Appends one answer; throws RangeError on a value that is no integer from 0 to 2^53 − 1. */
  add(hash: number, o: OrderOutcome): void {
    const fills = o.fills;
    this.reserve(RECORD_MAX_BYTES + fills.length * FILL_MAX_BYTES);
    let filled = 0;
    let consecutive = true;
    for (let f = 0; f < fills.length; f++) {
      filled += fills[f]!.quantity;
      consecutive &&= fills[f]!.tradeId === fills[0]!.tradeId + f;
    }
    const flags =
      (o.filledQuantity === filled ? 0 : EXPLICIT_FILLED) |
      (o.leavesQuantity === (isClosed(o.lastEventType) ? 0 : o.quantity - o.filledQuantity) ? 0 : EXPLICIT_LEAVES) |
      (consecutive ? 0 : EXPLICIT_TRADE_IDS);
    if (checked(o.lastEventType) > 15 || checked(o.side) > 3 || checked(o.orderType) > 7)
      throw new RangeError('client order answers: event type, side or order type out of range');
    this.hash(checked(hash));
    this.varint(o.lastEventType | (o.side << 4) | (o.orderType << 6) | (flags << 9));
    this.varint(checked(o.reason));
    this.signed(checked(o.orderId) - this.previousOrderId);
    this.varint(checked(o.accountId));
    this.varint(checked(o.symbolId));
    this.varint(checked(o.price));
    this.varint(checked(o.quantity));
    this.signed(checked(o.sequence) - this.previousSequence);
    this.varint(fills.length);
    if (flags & EXPLICIT_FILLED) this.varint(checked(o.filledQuantity));
    if (flags & EXPLICIT_LEAVES) this.varint(checked(o.leavesQuantity));
    if (fills.length > 0 && consecutive) this.varint(checked(fills[0]!.tradeId));
    for (const fill of fills) {
      if (!consecutive) this.varint(checked(fill.tradeId));
      this.signed(checked(fill.price) - o.price);
      this.varint(checked(fill.quantity));
      this.signed(o.orderId - checked(fill.makerOrderId));
    }
    this.previousOrderId = o.orderId;
    this.previousSequence = o.sequence;
  }

  /** The answers added so far (a view of the writer's buffer: nothing is copied). */
  finish(): Uint8Array {
    return this.bytes.subarray(0, this.at);
  }

  private reserve(bytes: number): void {
    if (this.at + bytes <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.at + bytes));
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
  }

  /** A hash (below 2^53) in 7 little-endian bytes: hashes are uniform, a varint would take 8. */
  private hash(value: number): void {
    const low = value >>> 0;
    const high = (value - low) / 2 ** 32;
    const bytes = this.bytes;
    const at = this.at;
    bytes[at] = low;
    bytes[at + 1] = low >>> 8;
    bytes[at + 2] = low >>> 16;
    bytes[at + 3] = low >>> 24;
    bytes[at + 4] = high;
    bytes[at + 5] = high >>> 8;
    bytes[at + 6] = high >>> 16;
    this.at = at + 7;
  }

  /** A difference of two checked values: sign and 6 bits in the first byte, then a varint of the rest. */
  private signed(value: number): void {
    const magnitude = Math.abs(value);
    const high = Math.floor(magnitude / 64);
    this.bytes[this.at++] = ((magnitude >>> 0) & 63) | (value < 0 ? 64 : 0) | (high > 0 ? 128 : 0);
    if (high > 0) this.varint(high);
  }

  /**
   * LEB128: 7 bits per byte, low first. Values reach 2^53, past 32-bit integer operations: those
   * are split into 32-bit halves (`>>> 0` is the value mod 2^32, exact for integers), as
   * protobufjs writes 64-bit varints; a float `%` per byte would cost a call to fmod.
   */
  private varint(value: number): void {
    const bytes = this.bytes;
    let at = this.at;
    let low = value >>> 0;
    let high = (value - low) / 2 ** 32;
    while (high > 0) {
      bytes[at++] = (low & 127) | 128;
      low = ((low >>> 7) | (high << 25)) >>> 0;
      high >>>= 7;
    }
    while (low >= 128) {
      bytes[at++] = (low & 127) | 128;
      low >>>= 7;
    }
    bytes[at++] = low;
    this.at = at;
  }
}

/**
 * Reverses ClientOrderAnswerWriter for the answers of `shard`'s snapshot, calling `visit` with
 * each answer's hash (`clientOrderIdHash`; the account is `outcome.accountId`) and outcome, oldest
 * first. Throws on bytes that do not parse.
 */
export function decodeClientOrderAnswers(
  bytes: Uint8Array,
  shard: number,
  visit: (hash: number, outcome: OrderOutcome) => void,
): void {
  let at = 0;
  const byte = (): number => {
    if (at >= bytes.length) throw new Error('client order answers: malformed record');
    return bytes[at++]!;
  };
  const varint = (): number => {
    let value = 0;
    for (let scale = 1; ; scale *= 128) {
      const next = byte();
      value += (next & 127) * scale;
      if (next < 128) return value;
      if (scale >= 2 ** 49) throw new Error('client order answers: malformed varint');
    }
  };
  const signed = (): number => {
    const first = byte();
    const magnitude = (first & 63) + (first & 128 ? varint() * 64 : 0);
    return first & 64 ? -magnitude : magnitude;
  };
  let orderId = 0;
  let sequence = 0;
  while (at < bytes.length) {
    let hash = 0;
    for (let i = 0, scale = 1; i < 7; i++, scale *= 256) hash += byte() * scale;
    const head = varint();
    const flags = head >> 9;
    const reason = varint();
    orderId += signed();
    const accountId = varint();
    const symbolId = varint();
    const price = varint();
    const quantity = varint();
    sequence += signed();
    const fillCount = varint();
    if (fillCount * 3 > bytes.length - at) throw new Error('client order answers: malformed record');
    const explicitFilled = flags & EXPLICIT_FILLED ? varint() : undefined;
    const explicitLeaves = flags & EXPLICIT_LEAVES ? varint() : undefined;
    const consecutive = (flags & EXPLICIT_TRADE_IDS) === 0;
    const firstTradeId = fillCount > 0 && consecutive ? varint() : 0;
    let filled = 0;
    let fills = NO_FILLS;
    if (fillCount > 0) {
      const list: FillOutcome[] = [];
      for (let f = 0; f < fillCount; f++) {
        // The writer's own arithmetic (first + f), so the ids come back exactly as it compared them.
        const id = consecutive ? firstTradeId + f : varint();
        const fill = { tradeId: id, price: price + signed(), quantity: varint(), makerOrderId: orderId - signed() };
        filled += fill.quantity;
        list.push(fill);
      }
      fills = list;
    }
    const lastEventType = head & 15;
    const filledQuantity = explicitFilled ?? filled;
    visit(hash, {
      shard,
      orderId,
      symbolId,
      accountId,
      lastEventType,
      reason,
      side: (head >> 4) & 3,
      orderType: (head >> 6) & 7,
      price,
      quantity,
      filledQuantity,
      leavesQuantity: explicitLeaves ?? (isClosed(lastEventType) ? 0 : quantity - filledQuantity),
      fills,
      sequence,
    });
  }
}
