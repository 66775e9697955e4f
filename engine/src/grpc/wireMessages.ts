import { EventField as F, EventType } from '../core/index.js';
import type { AccountDirectory } from '../shard/accountDirectory.js';
import type { InstrumentRegistry } from '../shard/instrumentRegistry.js';
import type { OrderOutcome } from '../shard/outcomes.js';
import type { Event } from './generated/mib/engine/v1/Event.js';
import type { EventKind__Output } from './generated/mib/engine/v1/EventKind.js';
import type { OrderReport } from './generated/mib/engine/v1/OrderReport.js';
import type { OrderStatus__Output } from './generated/mib/engine/v1/OrderStatus.js';
import type { Quote } from './generated/mib/engine/v1/Quote.js';
import { reasonName } from './rejectStatus.js';
import { unitsToDecimal as dec, unitsToOptionalDecimal as optDec } from './wireDecimal.js';
import { orderTypeToWire, sideToWire } from './wireEnums.js';

/** Version of the Event envelope in engine.proto. */
export const EVENT_SCHEMA_VERSION = 1;

const KIND_NAMES = new Map<number, EventKind__Output>(Object.entries(EventType).map(([name, code]) => [code, name as EventKind__Output]));
const KIND_CODES = new Map<string, number>(Object.entries(EventType));

/** EventKind name (or number) on the wire → slot event type; NaN when unknown. */
export function eventKindToSlot(kind: string | number): number {
  return typeof kind === 'number' ? kind : (KIND_CODES.get(kind) ?? Number.NaN);
}

/** Status of an order after its last event. */
export function orderStatus(lastEventType: number, filledQuantity: number): OrderStatus__Output {
  switch (lastEventType) {
    case EventType.ORDER_FILLED:
      return 'FILLED';
    case EventType.ORDER_CANCELLED:
      return 'CANCELLED';
    case EventType.ORDER_PARTIALLY_FILLED:
      return 'PARTIALLY_FILLED';
    default:
      return filledQuantity > 0 ? 'PARTIALLY_FILLED' : 'OPEN';
  }
}

/** Builds wire messages from slots and outcomes, resolving numeric ids to symbols and accounts. */
export class WireMessages {
  constructor(
    private readonly registry: InstrumentRegistry,
    private readonly accounts: AccountDirectory,
  ) {}

  symbolOf(symbolId: number): string {
    return this.registry.bySymbolId(symbolId)?.symbol ?? '';
  }

  orderReport(outcome: OrderOutcome): OrderReport {
    return {
      orderId: String(outcome.orderId),
      symbol: this.symbolOf(outcome.symbolId),
      accountId: this.accounts.nameOf(outcome.accountId),
      side: sideToWire(outcome.side),
      type: orderTypeToWire(outcome.orderType),
      status: orderStatus(outcome.lastEventType, outcome.filledQuantity),
      price: dec(outcome.price),
      quantity: dec(outcome.quantity),
      filledQuantity: dec(outcome.filledQuantity),
      leavesQuantity: dec(outcome.leavesQuantity),
      fills: outcome.fills.map((fill) => ({ tradeId: String(fill.tradeId), price: dec(fill.price), quantity: dec(fill.quantity), makerOrderId: String(fill.makerOrderId) })),
      shard: outcome.shard,
      sequence: String(outcome.sequence),
    };
  }

  /** A QUOTE event slot (or an all-zero slot: nothing yet) as a Quote message. */
  quote(symbol: string, shard: number, s: Float64Array, at = 0): Quote {
    return {
      symbol,
      bidPrice: optDec(s[at + F.BID_PRICE] ?? 0),
      bidSize: optDec(s[at + F.BID_SIZE] ?? 0),
      askPrice: optDec(s[at + F.ASK_PRICE] ?? 0),
      askSize: optDec(s[at + F.ASK_SIZE] ?? 0),
      lastPrice: optDec(s[at + F.LAST_PRICE] ?? 0),
      lastQuantity: optDec(s[at + F.LAST_QUANTITY] ?? 0),
      vwap: optDec(Math.round(s[at + F.VWAP] ?? 0)),
      sessionVolume: dec(s[at + F.SESSION_VOLUME] ?? 0),
      shard,
      sequence: String(s[at + F.SEQUENCE] ?? 0),
      timestampMs: String(s[at + F.TIMESTAMP_MS] ?? 0),
    };
  }

  /** Any core event slot as an Event envelope. */
  event(shard: number, s: Float64Array, at: number): Event {
    const type = s[at + F.TYPE] ?? 0;
    const symbol = this.symbolOf(s[at + F.SYMBOL_ID] ?? 0);
    const envelope: Event = {
      schemaVersion: EVENT_SCHEMA_VERSION,
      kind: KIND_NAMES.get(type) ?? 'EVENT_KIND_UNSPECIFIED',
      shard,
      sequence: String(s[at + F.SEQUENCE] ?? 0),
      symbol,
      timestampMs: String(s[at + F.TIMESTAMP_MS] ?? 0),
    };
    const n = (field: number): number => s[at + field] ?? 0;
    switch (type) {
      case EventType.TRADE:
        envelope.trade = {
          tradeId: String(n(F.TRADE_ID)),
          price: dec(n(F.TRADE_PRICE)),
          quantity: dec(n(F.TRADE_QUANTITY)),
          aggressorSide: sideToWire(n(F.AGGRESSOR_SIDE)),
          takerAccountId: this.accounts.nameOf(n(F.TAKER_ACCOUNT_ID)),
          takerOrderId: String(n(F.TAKER_ORDER_ID)),
          makerAccountId: this.accounts.nameOf(n(F.MAKER_ACCOUNT_ID)),
          makerOrderId: String(n(F.MAKER_ORDER_ID)),
        };
        break;
      case EventType.QUOTE:
        envelope.quote = this.quote(symbol, shard, s, at);
        break;
      case EventType.CANDLE_CLOSED:
        envelope.candle = {
          intervalMs: n(F.INTERVAL_MS),
          openTimeMs: String(n(F.OPEN_TIME_MS)),
          open: dec(n(F.OPEN)),
          high: dec(n(F.HIGH)),
          low: dec(n(F.LOW)),
          close: dec(n(F.CLOSE)),
          volume: dec(n(F.VOLUME)),
          tradeCount: n(F.TRADE_COUNT),
          vwap: dec(Math.round(n(F.CANDLE_VWAP))),
        };
        break;
      case EventType.RISK_LIMITS_SET:
        envelope.riskLimits = {
          accountId: this.accounts.nameOf(n(F.ACCOUNT_ID)),
          maxOrderQuantity: dec(n(F.MAX_ORDER_QUANTITY)),
          maxOrderNotional: dec(n(F.MAX_ORDER_NOTIONAL)),
          priceBandBps: n(F.PRICE_BAND_BPS),
          maxOpenOrders: n(F.MAX_OPEN_ORDERS),
          maxPosition: dec(n(F.MAX_POSITION)),
        };
        break;
      case EventType.INSTRUMENT_ADDED:
        envelope.instrument = { tickSize: dec(n(F.TICK_SIZE)), lotSize: dec(n(F.LOT_SIZE)) };
        break;
      default:
        envelope.order = {
          orderId: String(n(F.ORDER_ID)),
          accountId: this.accounts.nameOf(n(F.ACCOUNT_ID)),
          side: sideToWire(n(F.SIDE)),
          type: orderTypeToWire(n(F.ORDER_TYPE)),
          price: dec(n(F.PRICE)),
          quantity: dec(n(F.QUANTITY)),
          filledQuantity: dec(n(F.FILLED_QUANTITY)),
          leavesQuantity: dec(n(F.LEAVES_QUANTITY)),
          reason: reasonName(n(F.REASON), type === EventType.ORDER_REJECTED),
          reasonCode: n(F.REASON),
          lastFillPrice: optDec(n(F.LAST_FILL_PRICE)),
          lastFillQuantity: optDec(n(F.LAST_FILL_QUANTITY)),
        };
    }
    return envelope;
  }
}
