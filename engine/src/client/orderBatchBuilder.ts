import { OrderType, Side, StpMode } from '../core/index.js';
import type { OrderBatch } from '../grpc/generated/mib/engine/v1/OrderBatch.js';
import { ORDER_RECORD_BYTES, writeOrderRecord } from '../grpc/orderBatchRecords.js';
import { parseUnits } from '../shard/decimal.js';

/** One order for a bulk batch; price and quantity either decimal strings or 1e-8 units. */
export interface BatchOrder {
  readonly symbol: string;
  readonly accountId: string;
  readonly side: keyof typeof Side;
  readonly type: keyof typeof OrderType;
  /** Decimal string ("189.25") or integer 1e-8 units; ignored for MARKET. */
  readonly price?: string | number;
  readonly quantity: string | number;
  readonly stp?: keyof typeof StpMode;
  /** Any number for the caller's own correlation. */
  readonly clientTag?: number;
}

const STP_BY_NAME: Record<string, number> = { ...StpMode };

function toUnits(value: string | number | undefined): number {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : (parseUnits(value) ?? Number.NaN);
}

/**
 * Builds OrderBatch messages: collects symbols and accounts into the batch's dictionaries and
 * writes each order as a 32-byte record. Reusable: `build()` returns a batch and starts a new one.
 */
export class OrderBatchBuilder {
  private symbols = new Map<string, number>();
  private accounts = new Map<string, number>();
  private bytes: Uint8Array;
  private view: DataView;
  private count = 0;
  private nextBatchId = 1;

  constructor(expectedOrders = 1024) {
    this.bytes = new Uint8Array(expectedOrders * ORDER_RECORD_BYTES);
    this.view = new DataView(this.bytes.buffer);
  }

  get size(): number {
    return this.count;
  }

  add(order: BatchOrder): this {
    if ((this.count + 1) * ORDER_RECORD_BYTES > this.bytes.length) this.grow();
    writeOrderRecord(this.view, this.count++, {
      symbolIndex: this.indexOf(this.symbols, order.symbol),
      accountIndex: this.indexOf(this.accounts, order.accountId),
      side: Side[order.side],
      orderType: OrderType[order.type],
      stpMode: STP_BY_NAME[order.stp ?? 'NONE'] ?? 0,
      price: order.type === 'MARKET' ? 0 : toUnits(order.price),
      quantity: toUnits(order.quantity),
      clientTag: order.clientTag ?? 0,
    });
    return this;
  }

  /** The batch so far; the builder starts empty again. */
  build(): OrderBatch & { batchId: string } {
    const batch = {
      batchId: String(this.nextBatchId++),
      symbols: [...this.symbols.keys()],
      accountIds: [...this.accounts.keys()],
      orders: Buffer.from(this.bytes.slice(0, this.count * ORDER_RECORD_BYTES)),
    };
    this.symbols = new Map();
    this.accounts = new Map();
    this.count = 0;
    return batch;
  }

  private indexOf(dictionary: Map<string, number>, key: string): number {
    let index = dictionary.get(key);
    if (index === undefined) {
      index = dictionary.size;
      if (index > 0xffff) throw new RangeError('a batch holds at most 65 536 distinct symbols or accounts');
      dictionary.set(key, index);
    }
    return index;
  }

  private grow(): void {
    const grown = new Uint8Array(this.bytes.length * 2);
    grown.set(this.bytes);
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }
}
