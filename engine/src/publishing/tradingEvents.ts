/**
 * The engine's decoded events (`decodeEvent`, engine/PROTOCOL.md "Event slot") as `TradingEvent`s
 * of the event protocol (packages/events/PROTOCOL.md): ids become strings, 1e-8 units become
 * decimal strings, "none" zeros become null, and the shard's sequence is kept as the envelope's.
 */
import {
  createEvent,
  type CandleInterval,
  type CancelReason,
  type OrderState,
  type OrderType,
  type RejectReason,
  type TradingEvent,
} from '@mib/events';
import {
  CancelReason as CancelCode,
  OrderType as OrderTypeCode,
  RejectReason as RejectCode,
  Side,
  type CandleClosedEvent,
  type EngineEvent,
  type OrderEvent,
  type QuoteEvent,
  type TradeEvent,
} from '../core/index.js';
import { formatUnits } from '../shard/decimal.js';

/** Wire names of the numeric ids in slots (the main thread's registry and account directory). */
export interface EventNames {
  /** Symbol of a symbol id; '' when unknown. */
  symbolOf(symbolId: number): string;
  /** Account of a numeric account id; '' for 0 or unknown. */
  accountOf(accountId: number): string;
}

const ORDER_TYPES = new Map<number, OrderType>(
  Object.entries(OrderTypeCode).map(([name, code]) => [code, name as OrderType]),
);
const REJECT_REASONS = new Map<number, RejectReason>(
  Object.entries(RejectCode).map(([name, code]) => [code, name as RejectReason]),
);
const CANCEL_REASONS = new Map<number, CancelReason>(
  Object.entries(CancelCode).map(([name, code]) => [code, name as CancelReason]),
);
const INTERVALS = new Map<number, CandleInterval>([
  [1_000, 'S1'],
  [60_000, 'M1'],
  [300_000, 'M5'],
  [3_600_000, 'H1'],
  [86_400_000, 'D1'],
]);

const side = (code: number): 'BUY' | 'SELL' | null =>
  code === Side.BUY ? 'BUY' : code === Side.SELL ? 'SELL' : null;
/** 0 means "none" in quote fields (empty side, no trade yet). */
const optional = (units: number): string | null => (units === 0 ? null : formatUnits(units));
/** A VWAP is a quotient and may fall between two 1e-8 units; the protocol's decimals stop at 1e-8. */
const averagePrice = (units: number): string => formatUnits(Math.round(units));

/**
 * Maps one shard's events in sequence order. Stateful: an order fill slot has no trade id, but
 * the core writes each fill's TRADE right before the maker's and the taker's fill events
 * (engine/PROTOCOL.md "Order of events for one command"), so the last trade id seen is theirs.
 */
export class ShardEventMapper {
  private lastTradeId = 0;

  constructor(
    private readonly shard: number,
    private readonly names: EventNames,
  ) {}

  /**
   * The trading event of `event`, or undefined for events with no place in the protocol
   * (RISK_LIMITS_SET, INSTRUMENT_ADDED) and for rejections with no symbol or account to key on
   * (unknown symbol, empty account, non-order commands): no consumer could route them.
   */
  map(event: EngineEvent): TradingEvent | undefined {
    const origin = {
      source: 'engine',
      shard: this.shard,
      sequence: event.sequence,
      occurredAt: new Date(event.timestampMs),
    };
    switch (event.type) {
      case 'ORDER_REJECTED':
        return this.rejected(event, origin);
      case 'ORDER_ACCEPTED':
        return this.withOrder(event, (state) => createEvent('order.accepted', state, origin));
      case 'ORDER_AMENDED':
        return this.withOrder(event, (state) => createEvent('order.amended', state, origin));
      case 'ORDER_CANCELLED':
        return this.withOrder(event, (state) =>
          createEvent(
            'order.cancelled',
            { ...state, reason: CANCEL_REASONS.get(event.reason) ?? 'USER_REQUESTED' },
            origin,
          ),
        );
      case 'ORDER_PARTIALLY_FILLED':
      case 'ORDER_FILLED': {
        const type = event.type === 'ORDER_FILLED' ? 'order.filled' : 'order.partially_filled';
        const fill = {
          tradeId: String(this.lastTradeId),
          lastFillPrice: formatUnits(event.lastFillPrice),
          lastFillQuantity: formatUnits(event.lastFillQuantity),
        };
        return this.withOrder(event, (state) => createEvent(type, { ...state, ...fill }, origin));
      }
      case 'TRADE':
        this.lastTradeId = event.tradeId;
        return this.trade(event, origin);
      case 'QUOTE':
        return this.quote(event, origin);
      case 'CANDLE_CLOSED':
        return this.candle(event, origin);
      case 'RISK_LIMITS_SET':
      case 'INSTRUMENT_ADDED':
        return undefined;
    }
  }

  private withOrder<T>(event: OrderEvent, build: (state: OrderState) => T): T | undefined {
    const symbol = this.names.symbolOf(event.symbolId);
    const accountId = this.names.accountOf(event.accountId);
    const sideName = side(event.side);
    const orderType = ORDER_TYPES.get(event.orderType);
    if (symbol === '' || accountId === '' || sideName === null || orderType === undefined) return undefined;
    return build({
      orderId: String(event.orderId),
      accountId,
      symbol,
      requestId: event.requestId > 0 ? String(event.requestId) : null,
      side: sideName,
      orderType,
      price: event.orderType === OrderTypeCode.MARKET ? null : formatUnits(event.price),
      quantity: formatUnits(event.quantity),
      filledQuantity: formatUnits(event.filledQuantity),
      leavesQuantity: formatUnits(event.leavesQuantity),
    });
  }

  private rejected(event: OrderEvent, origin: Parameters<typeof createEvent>[2]): TradingEvent | undefined {
    const symbol = this.names.symbolOf(event.symbolId);
    const accountId = this.names.accountOf(event.accountId);
    const reason = REJECT_REASONS.get(event.reason);
    if (symbol === '' || accountId === '' || event.orderId <= 0 || reason === undefined) return undefined;
    return createEvent(
      'order.rejected',
      {
        orderId: String(event.orderId),
        accountId,
        symbol,
        requestId: event.requestId > 0 ? String(event.requestId) : null,
        command: rejectedCommand(event),
        reason,
        reasonCode: event.reason,
      },
      origin,
    );
  }

  private trade(event: TradeEvent, origin: Parameters<typeof createEvent>[2]): TradingEvent | undefined {
    const symbol = this.names.symbolOf(event.symbolId);
    if (symbol === '') return undefined;
    const party = (orderId: number, accountId: number): { orderId: string; accountId: string } | null =>
      orderId > 0 ? { orderId: String(orderId), accountId: this.names.accountOf(accountId) } : null;
    return createEvent(
      'trade',
      {
        tradeId: String(event.tradeId),
        symbol,
        price: formatUnits(event.price),
        quantity: formatUnits(event.quantity),
        aggressorSide: side(event.aggressorSide),
        taker: party(event.takerOrderId, event.takerAccountId),
        maker: party(event.makerOrderId, event.makerAccountId),
      },
      origin,
    );
  }

  private quote(event: QuoteEvent, origin: Parameters<typeof createEvent>[2]): TradingEvent | undefined {
    const symbol = this.names.symbolOf(event.symbolId);
    if (symbol === '') return undefined;
    const bidEmpty = event.bidPrice === 0;
    const askEmpty = event.askPrice === 0;
    const noTrade = event.lastPrice === 0;
    return createEvent(
      'quote',
      {
        symbol,
        bidPrice: optional(event.bidPrice),
        bidSize: bidEmpty ? null : formatUnits(event.bidSize),
        askPrice: optional(event.askPrice),
        askSize: askEmpty ? null : formatUnits(event.askSize),
        lastPrice: optional(event.lastPrice),
        lastQuantity: noTrade ? null : formatUnits(event.lastQuantity),
        vwap: noTrade || event.vwap === 0 ? null : averagePrice(event.vwap),
        sessionVolume: formatUnits(event.sessionVolume),
      },
      origin,
    );
  }

  private candle(
    event: CandleClosedEvent,
    origin: Parameters<typeof createEvent>[2],
  ): TradingEvent | undefined {
    const symbol = this.names.symbolOf(event.symbolId);
    const interval = INTERVALS.get(event.intervalMs);
    if (symbol === '' || interval === undefined) return undefined;
    return createEvent(
      'candle.closed',
      {
        symbol,
        interval,
        openTime: new Date(event.openTimeMs).toISOString(),
        open: formatUnits(event.open),
        high: formatUnits(event.high),
        low: formatUnits(event.low),
        close: formatUnits(event.close),
        volume: formatUnits(event.volume),
        vwap: averagePrice(event.vwap),
        tradeCount: event.tradeCount,
      },
      origin,
    );
  }
}

/**
 * Which command a rejection answers. The reject slot echoes the command's fields but not its
 * kind: a SUBMIT carries side, type and quantity; CANCEL and AMEND carry neither, and only
 * AMEND_NO_CHANGE tells an amend apart (see the report: the slot should carry the kind).
 */
function rejectedCommand(event: OrderEvent): 'SUBMIT' | 'CANCEL' | 'AMEND' {
  if (event.side !== 0 || event.orderType !== 0 || event.quantity !== 0) return 'SUBMIT';
  return event.reason === RejectCode.AMEND_NO_CHANGE ? 'AMEND' : 'CANCEL';
}
