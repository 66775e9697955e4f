import { status } from '@grpc/grpc-js';
import { CancelReason, RejectReason } from '../core/index.js';

/** How one core reject reason reaches gRPC callers: status code, stable name, human text. */
export interface RejectMapping {
  readonly code: status;
  readonly name: string;
  readonly description: string;
}

/**
 * The one table from the core's numeric reject reasons (100–199 validation, 200–299 risk,
 * 300–399 matching) to gRPC statuses. Validation of the caller's input is INVALID_ARGUMENT (or
 * NOT_FOUND / PERMISSION_DENIED / ALREADY_EXISTS where those say more); a risk limit is
 * FAILED_PRECONDITION except the open-orders quota, RESOURCE_EXHAUSTED; a matching pre-check
 * (post-only would cross, FOK, no liquidity) is FAILED_PRECONDITION: the order was fine, the book
 * state was not.
 */
const REJECTS: Record<number, Omit<RejectMapping, 'name'>> = {
  [RejectReason.UNKNOWN_COMMAND]: { code: status.INVALID_ARGUMENT, description: 'unknown command' },
  [RejectReason.UNKNOWN_SYMBOL]: { code: status.NOT_FOUND, description: 'unknown symbol' },
  [RejectReason.INVALID_SIDE]: { code: status.INVALID_ARGUMENT, description: 'side must be BUY or SELL' },
  [RejectReason.INVALID_ORDER_TYPE]: { code: status.INVALID_ARGUMENT, description: 'order type must be LIMIT, MARKET, IOC, FOK or POST_ONLY' },
  [RejectReason.INVALID_PRICE]: { code: status.INVALID_ARGUMENT, description: 'price must be a positive decimal with at most 8 decimals' },
  [RejectReason.PRICE_OFF_TICK]: { code: status.INVALID_ARGUMENT, description: 'price is not a multiple of the tick size' },
  [RejectReason.INVALID_QUANTITY]: { code: status.INVALID_ARGUMENT, description: 'quantity must be a positive decimal with at most 8 decimals' },
  [RejectReason.QUANTITY_OFF_LOT]: { code: status.INVALID_ARGUMENT, description: 'quantity is not a multiple of the lot size' },
  [RejectReason.INVALID_STP_MODE]: { code: status.INVALID_ARGUMENT, description: 'unknown self-trade prevention mode' },
  [RejectReason.INVALID_ACCOUNT]: { code: status.INVALID_ARGUMENT, description: 'account id must be a non-empty string of at most 128 characters' },
  [RejectReason.DUPLICATE_ORDER_ID]: { code: status.ALREADY_EXISTS, description: 'order id already in use' },
  [RejectReason.UNKNOWN_ORDER]: { code: status.NOT_FOUND, description: 'no open order with this id on this symbol' },
  [RejectReason.NOT_ORDER_OWNER]: { code: status.PERMISSION_DENIED, description: 'the order belongs to another account' },
  [RejectReason.DUPLICATE_SYMBOL]: { code: status.ALREADY_EXISTS, description: 'symbol already listed' },
  [RejectReason.INVALID_INSTRUMENT]: { code: status.INVALID_ARGUMENT, description: 'tick and lot size must be positive' },
  [RejectReason.INVALID_RISK_LIMITS]: { code: status.INVALID_ARGUMENT, description: 'risk limits must be non-negative decimals' },
  [RejectReason.AMEND_NO_CHANGE]: { code: status.INVALID_ARGUMENT, description: 'amend changes neither price nor quantity' },
  [RejectReason.INVALID_TIMESTAMP]: { code: status.INVALID_ARGUMENT, description: 'timestamp is before the symbol’s last one' },
  [RejectReason.MAX_ORDER_QUANTITY_EXCEEDED]: { code: status.FAILED_PRECONDITION, description: 'quantity above the account’s maximum order quantity' },
  [RejectReason.MAX_ORDER_NOTIONAL_EXCEEDED]: { code: status.FAILED_PRECONDITION, description: 'price × quantity above the account’s maximum order notional' },
  [RejectReason.PRICE_OUTSIDE_BAND]: { code: status.FAILED_PRECONDITION, description: 'price too far from the last trade (price band)' },
  [RejectReason.MAX_OPEN_ORDERS_EXCEEDED]: { code: status.RESOURCE_EXHAUSTED, description: 'the account has its maximum number of open orders' },
  [RejectReason.POSITION_LIMIT_EXCEEDED]: { code: status.FAILED_PRECONDITION, description: 'the order could take the position past the account’s limit' },
  [RejectReason.POST_ONLY_WOULD_CROSS]: { code: status.FAILED_PRECONDITION, description: 'post-only order would trade on arrival' },
  [RejectReason.FOK_NOT_FILLABLE]: { code: status.FAILED_PRECONDITION, description: 'fill-or-kill order cannot be filled completely now' },
  [RejectReason.NO_LIQUIDITY]: { code: status.FAILED_PRECONDITION, description: 'market order and the opposite side of the book is empty' },
};

const REJECT_NAMES = new Map<number, string>(Object.entries(RejectReason).map(([name, code]) => [code, name]));
const CANCEL_NAMES = new Map<number, string>(Object.entries(CancelReason).map(([name, code]) => [code, name]));

/** The gRPC mapping of a core reject reason; unknown codes map to INTERNAL. */
export function rejectMapping(reason: number): RejectMapping {
  const known = REJECTS[reason];
  const name = REJECT_NAMES.get(reason) ?? `REJECT_${reason}`;
  return known === undefined ? { code: status.INTERNAL, name, description: `engine rejected the command (reason ${reason})` } : { ...known, name };
}

/** Name of a reject reason (ORDER_REJECTED) or cancel reason (ORDER_CANCELLED); '' for 0. */
export function reasonName(reason: number, rejected: boolean): string {
  if (reason === 0) return '';
  return (rejected ? REJECT_NAMES.get(reason) : CANCEL_NAMES.get(reason)) ?? String(reason);
}

/** Trailer keys carrying a rejection in machine-readable form. */
export const REJECT_METADATA = {
  CODE: 'mib-reject-code',
  REASON: 'mib-reject-reason',
  ORDER_ID: 'mib-order-id',
} as const;
