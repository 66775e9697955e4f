/**
 * The binary records of OrderBatch.orders (engine.proto, PROTOCOL.md "Bulk orders"): 32 bytes,
 * little-endian, so the server turns a batch into command slots with a handful of DataView reads
 * per order and no text parsing or per-order objects. Used by the server to decode and by
 * EngineClient to encode.
 */
export const ORDER_RECORD_BYTES = 32;

export const OrderRecordOffset = {
  SYMBOL_INDEX: 0,
  ACCOUNT_INDEX: 2,
  SIDE: 4,
  ORDER_TYPE: 5,
  STP_MODE: 6,
  PRICE: 8,
  QUANTITY: 16,
  CLIENT_TAG: 24,
} as const;

/** One order of a batch, prices and quantities in 1e-8 units. */
export interface OrderRecord {
  readonly symbolIndex: number;
  readonly accountIndex: number;
  readonly side: number;
  readonly orderType: number;
  readonly stpMode: number;
  readonly price: number;
  readonly quantity: number;
  readonly clientTag: number;
}

/** Writes record `index` into `view` (sized count × ORDER_RECORD_BYTES). */
export function writeOrderRecord(view: DataView, index: number, record: OrderRecord): void {
  const at = index * ORDER_RECORD_BYTES;
  view.setUint16(at + OrderRecordOffset.SYMBOL_INDEX, record.symbolIndex, true);
  view.setUint16(at + OrderRecordOffset.ACCOUNT_INDEX, record.accountIndex, true);
  view.setUint8(at + OrderRecordOffset.SIDE, record.side);
  view.setUint8(at + OrderRecordOffset.ORDER_TYPE, record.orderType);
  view.setUint8(at + OrderRecordOffset.STP_MODE, record.stpMode);
  view.setUint8(at + 7, 0);
  view.setFloat64(at + OrderRecordOffset.PRICE, record.price, true);
  view.setFloat64(at + OrderRecordOffset.QUANTITY, record.quantity, true);
  view.setFloat64(at + OrderRecordOffset.CLIENT_TAG, record.clientTag, true);
}

/** A DataView over a received `orders` field (a Buffer may sit at any offset of a larger pool). */
export function recordView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
