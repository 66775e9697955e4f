import { status, type sendUnaryData } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { CommandKind, EventType, OrderType } from '../core/index.js';
import type { CommandCounters } from '../metrics/commandCounters.js';
import { isValidClientOrderId } from '../shard/clientOrderIds.js';
import type { OrderOutcome } from '../shard/outcomes.js';
import type { ShardedEngine } from '../shard/shardedEngine.js';
import type { MatchingEngineHandlers } from './generated/mib/engine/v1/MatchingEngine.js';
import type { OrderReport } from './generated/mib/engine/v1/OrderReport.js';
import type { PriceLevel } from './generated/mib/engine/v1/PriceLevel.js';
import { failure, invalid, rejected } from './serviceErrors.js';
import { decimalToUnits, optionalDecimalToUnits, unitsToDecimal } from './wireDecimal.js';
import { orderTypeToSlot, sideToSlot, stpToSlot } from './wireEnums.js';
import type { WireMessages } from './wireMessages.js';

type UnaryHandlers = Pick<MatchingEngineHandlers, 'SubmitOrder' | 'CancelOrder' | 'CancelAllOrders' | 'AmendOrder' | 'GetOrderBook' | 'GetQuote' | 'SetRiskLimits' | 'ListInstruments'>;

/** Most levels per side GetOrderBook returns (the worker's depth scratch holds 500 per side). */
export const MAX_BOOK_DEPTH = 500;
const DEFAULT_BOOK_DEPTH = 10;

/** A uint64 order id from the wire as a slot number; 0 (never a live order) when out of range. */
function orderIdToSlot(text: string): number {
  const id = Number(text);
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
}

function levels(values: Float64Array): PriceLevel[] {
  const result: PriceLevel[] = [];
  for (let i = 0; i + 2 < values.length; i += 3) {
    result.push({ price: unitsToDecimal(values[i] ?? 0), quantity: unitsToDecimal(values[i + 1] ?? 0), orderCount: values[i + 2] ?? 0 });
  }
  return result;
}

/**
 * The unary methods: decode, call the transport-free shell, encode the outcome or a status.
 * `commands` counts each command answered, by kind and outcome (one per request).
 */
export function unaryHandlers(engine: ShardedEngine, wire: WireMessages, logger: Logger, commands: CommandCounters): UnaryHandlers {
  /** Answers an order command: the report, or the reject status with the request's context. */
  function answer(kind: CommandKind, promise: Promise<OrderOutcome>, context: () => string, callback: sendUnaryData<OrderReport>): void {
    promise.then(
      (outcome) => {
        if (outcome.lastEventType === EventType.ORDER_REJECTED) {
          commands.add(kind, 'rejected');
          callback(rejected(outcome.reason, context(), outcome.orderId));
        } else {
          commands.add(kind, 'accepted');
          callback(null, wire.orderReport(outcome));
        }
      },
      (error: unknown) => {
        commands.add(kind, 'failed');
        logger.warn({ err: error }, 'order command failed');
        callback(failure(error));
      },
    );
  }

  function instrumentContext(symbol: string): string {
    const instrument = engine.registry.bySymbolName(symbol);
    return instrument === undefined ? `symbol "${symbol}"` : `${symbol}: tick ${instrument.tickSize}, lot ${instrument.lotSize}`;
  }

  return {
    SubmitOrder: (call, callback) => {
      const r = call.request;
      if (r.clientOrderId !== '' && !isValidClientOrderId(r.clientOrderId)) {
        return callback(invalid(status.INVALID_ARGUMENT, `client_order_id must be 1–64 characters of [A-Za-z0-9._:-], got "${r.clientOrderId.slice(0, 80)}"`));
      }
      const orderType = orderTypeToSlot(r.type);
      const price = orderType === OrderType.MARKET && r.price.trim() === '' ? 0 : decimalToUnits(r.price);
      const order = { symbol: r.symbol, accountId: r.accountId, side: sideToSlot(r.side), orderType, price, quantity: decimalToUnits(r.quantity), stpMode: stpToSlot(r.stp), clientOrderId: r.clientOrderId };
      answer(CommandKind.SUBMIT, engine.submitOrder(order), () => `${instrumentContext(r.symbol)}; ${r.side} ${r.type} price "${r.price}" quantity "${r.quantity}"`, callback);
    },

    CancelOrder: (call, callback) => {
      const r = call.request;
      answer(CommandKind.CANCEL, engine.cancelOrder(r.symbol, r.accountId, orderIdToSlot(r.orderId)), () => `order ${r.orderId} on ${r.symbol}`, callback);
    },

    CancelAllOrders: (call, callback) => {
      const { accountId, symbol } = call.request;
      // Checked here: with no symbol the command would go to every shard only to be refused there.
      if (accountId === '') return callback(invalid(status.INVALID_ARGUMENT, 'account_id must not be empty: CancelAllOrders cancels the orders of one account'));
      engine.cancelAllOrders(accountId, symbol === '' ? undefined : symbol).then(
        (outcomes) => {
          const refusal = outcomes.find((outcome) => outcome.lastEventType === EventType.ORDER_REJECTED);
          commands.add(CommandKind.CANCEL_ALL, refusal === undefined ? 'accepted' : 'rejected');
          if (refusal !== undefined) return callback(rejected(refusal.reason, `orders of account ${accountId}${symbol === '' ? '' : ` on ${symbol}`}`));
          callback(null, { cancelled: outcomes.map((outcome) => wire.orderReport(outcome)) });
        },
        (error: unknown) => {
          commands.add(CommandKind.CANCEL_ALL, 'failed');
          logger.warn({ err: error }, 'cancel-all failed');
          callback(failure(error));
        },
      );
    },

    AmendOrder: (call, callback) => {
      const r = call.request;
      const promise = engine.amendOrder(r.symbol, r.accountId, orderIdToSlot(r.orderId), optionalDecimalToUnits(r.newPrice), optionalDecimalToUnits(r.newQuantity));
      answer(CommandKind.AMEND, promise, () => `order ${r.orderId}, ${instrumentContext(r.symbol)}; new price "${r.newPrice}" new quantity "${r.newQuantity}"`, callback);
    },

    GetOrderBook: (call, callback) => {
      const { symbol, depth } = call.request;
      const instrument = engine.registry.bySymbolName(symbol);
      if (instrument === undefined) return callback(invalid(status.NOT_FOUND, `UNKNOWN_SYMBOL: no instrument "${symbol}"`));
      if (depth > MAX_BOOK_DEPTH) return callback(invalid(status.INVALID_ARGUMENT, `depth must be at most ${MAX_BOOK_DEPTH}, got ${depth}`));
      engine.orderBook(instrument, depth === 0 ? DEFAULT_BOOK_DEPTH : depth).then(
        (book) => callback(null, { symbol, bids: levels(book.bids), asks: levels(book.asks), shard: book.shard, sequence: String(book.sequence) }),
        (error: unknown) => callback(failure(error)),
      );
    },

    GetQuote: (call, callback) => {
      const { symbol } = call.request;
      const instrument = engine.registry.bySymbolName(symbol);
      if (instrument === undefined) return callback(invalid(status.NOT_FOUND, `UNKNOWN_SYMBOL: no instrument "${symbol}"`));
      callback(null, wire.quote(symbol, instrument.shard, engine.quote(instrument)));
    },

    SetRiskLimits: (call, callback) => {
      const limits = call.request.limits;
      if (limits === null) return callback(invalid(status.INVALID_ARGUMENT, 'limits are required'));
      const values = {
        maxOrderQuantity: optionalDecimalToUnits(limits.maxOrderQuantity),
        maxOrderNotional: optionalDecimalToUnits(limits.maxOrderNotional),
        priceBandBps: limits.priceBandBps,
        maxOpenOrders: limits.maxOpenOrders,
        maxPosition: optionalDecimalToUnits(limits.maxPosition),
      };
      engine.setRiskLimits(limits.accountId, values).then(
        (reason) => {
          commands.add(CommandKind.SET_RISK_LIMITS, reason === 0 ? 'accepted' : 'rejected');
          if (reason === 0) callback(null, limits);
          else callback(rejected(reason, `limits for ${limits.accountId === '' ? 'the defaults' : `account ${limits.accountId}`}`));
        },
        (error: unknown) => {
          commands.add(CommandKind.SET_RISK_LIMITS, 'failed');
          callback(failure(error));
        },
      );
    },

    ListInstruments: (_call, callback) => {
      const instruments = engine.registry.instruments.map(({ symbol, tickSize, lotSize, shard }) => ({ symbol, tickSize, lotSize, shard }));
      callback(null, { instruments });
    },
  };
}
