import { EVENT_SLOT_SIZE, EventField as F, EventType } from './layout.js';

/** Fields every event carries. */
interface EventHeader {
  sequence: number;
  requestId: number;
  symbolId: number;
  timestampMs: number;
}

export interface OrderEvent extends EventHeader {
  type: 'ORDER_ACCEPTED' | 'ORDER_REJECTED' | 'ORDER_PARTIALLY_FILLED' | 'ORDER_FILLED' | 'ORDER_CANCELLED' | 'ORDER_AMENDED';
  accountId: number;
  orderId: number;
  side: number;
  orderType: number;
  price: number;
  quantity: number;
  filledQuantity: number;
  leavesQuantity: number;
  /** RejectReason on ORDER_REJECTED, CancelReason on ORDER_CANCELLED, else 0. */
  reason: number;
  lastFillPrice: number;
  lastFillQuantity: number;
}

export interface TradeEvent extends EventHeader {
  type: 'TRADE';
  takerAccountId: number;
  takerOrderId: number;
  aggressorSide: number;
  makerAccountId: number;
  makerOrderId: number;
  price: number;
  quantity: number;
  tradeId: number;
}

export interface QuoteEvent extends EventHeader {
  type: 'QUOTE';
  bidPrice: number;
  bidSize: number;
  askPrice: number;
  askSize: number;
  lastPrice: number;
  lastQuantity: number;
  vwap: number;
  sessionVolume: number;
}

export interface CandleClosedEvent extends EventHeader {
  type: 'CANDLE_CLOSED';
  intervalMs: number;
  openTimeMs: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  tradeCount: number;
  vwap: number;
}

export interface RiskLimitsSetEvent extends EventHeader {
  type: 'RISK_LIMITS_SET';
  accountId: number;
  maxOrderQuantity: number;
  maxOrderNotional: number;
  priceBandBps: number;
  maxOpenOrders: number;
  maxPosition: number;
}

export interface InstrumentAddedEvent extends EventHeader {
  type: 'INSTRUMENT_ADDED';
  tickSize: number;
  lotSize: number;
}

/** An event slot as a plain object: for the shell's encoders, tests and tools (allocates). */
export type EngineEvent = OrderEvent | TradeEvent | QuoteEvent | CandleClosedEvent | RiskLimitsSetEvent | InstrumentAddedEvent;

const ORDER_EVENT_NAMES = ['ORDER_ACCEPTED', 'ORDER_REJECTED', 'ORDER_PARTIALLY_FILLED', 'ORDER_FILLED', 'ORDER_CANCELLED', 'ORDER_AMENDED'] as const;

/** Decodes event slot `slotIndex` of `slots`; throws RangeError on an unknown event type. */
export function decodeEvent(slots: Float64Array, slotIndex: number): EngineEvent {
  const o = slotIndex * EVENT_SLOT_SIZE;
  const v = (field: number): number => slots[o + field]!;
  const type = v(F.TYPE);
  const header: EventHeader = { sequence: v(F.SEQUENCE), requestId: v(F.REQUEST_ID), symbolId: v(F.SYMBOL_ID), timestampMs: v(F.TIMESTAMP_MS) };
  if (type >= EventType.ORDER_ACCEPTED && type <= EventType.ORDER_AMENDED) {
    return {
      type: ORDER_EVENT_NAMES[type - 1]!, ...header,
      accountId: v(F.ACCOUNT_ID), orderId: v(F.ORDER_ID), side: v(F.SIDE), orderType: v(F.ORDER_TYPE), price: v(F.PRICE), quantity: v(F.QUANTITY),
      filledQuantity: v(F.FILLED_QUANTITY), leavesQuantity: v(F.LEAVES_QUANTITY), reason: v(F.REASON), lastFillPrice: v(F.LAST_FILL_PRICE), lastFillQuantity: v(F.LAST_FILL_QUANTITY),
    };
  }
  switch (type) {
    case EventType.TRADE:
      return {
        type: 'TRADE', ...header,
        takerAccountId: v(F.TAKER_ACCOUNT_ID), takerOrderId: v(F.TAKER_ORDER_ID), aggressorSide: v(F.AGGRESSOR_SIDE), makerAccountId: v(F.MAKER_ACCOUNT_ID),
        makerOrderId: v(F.MAKER_ORDER_ID), price: v(F.TRADE_PRICE), quantity: v(F.TRADE_QUANTITY), tradeId: v(F.TRADE_ID),
      };
    case EventType.QUOTE:
      return {
        type: 'QUOTE', ...header,
        bidPrice: v(F.BID_PRICE), bidSize: v(F.BID_SIZE), askPrice: v(F.ASK_PRICE), askSize: v(F.ASK_SIZE),
        lastPrice: v(F.LAST_PRICE), lastQuantity: v(F.LAST_QUANTITY), vwap: v(F.VWAP), sessionVolume: v(F.SESSION_VOLUME),
      };
    case EventType.CANDLE_CLOSED:
      return {
        type: 'CANDLE_CLOSED', ...header,
        intervalMs: v(F.INTERVAL_MS), openTimeMs: v(F.OPEN_TIME_MS), open: v(F.OPEN), high: v(F.HIGH), low: v(F.LOW), close: v(F.CLOSE),
        volume: v(F.VOLUME), tradeCount: v(F.TRADE_COUNT), vwap: v(F.CANDLE_VWAP),
      };
    case EventType.RISK_LIMITS_SET:
      return {
        type: 'RISK_LIMITS_SET', ...header, accountId: v(F.ACCOUNT_ID),
        maxOrderQuantity: v(F.MAX_ORDER_QUANTITY), maxOrderNotional: v(F.MAX_ORDER_NOTIONAL), priceBandBps: v(F.PRICE_BAND_BPS),
        maxOpenOrders: v(F.MAX_OPEN_ORDERS), maxPosition: v(F.MAX_POSITION),
      };
    case EventType.INSTRUMENT_ADDED:
      return { type: 'INSTRUMENT_ADDED', ...header, tickSize: v(F.TICK_SIZE), lotSize: v(F.LOT_SIZE) };
    default:
      throw new RangeError(`unknown event type ${type}`);
  }
}

/** Decodes the first `count` event slots. */
export function decodeEvents(slots: Float64Array, count: number): EngineEvent[] {
  const events: EngineEvent[] = [];
  for (let i = 0; i < count; i++) events.push(decodeEvent(slots, i));
  return events;
}
