import { requireOwner } from '@mib/auth';
import type { OrderCommandResult } from '../commands/orderCommandResult.js';
import type { OrdersContext } from '../context.js';
import type {
  AmendOrderResultResolvers,
  CancelOrderResultResolvers,
  OrderAcceptedResolvers,
  OrderAmendedResolvers,
  OrderCancelledResolvers,
  OrderRejectedResolvers,
  PlaceOrderResultResolvers,
} from './types.generated.js';

/**
 * The order a command concerned, as recorded. Always the caller's own, unless an engine ran
 * without its journal and an order id came round again: then the row is someone else's, and the
 * owner check refuses it rather than answer with another user's order.
 */
async function orderOf(result: OrderCommandResult, _args: unknown, { orderById, identity }: OrdersContext) {
  if (result.orderId === null) return null;
  const order = await orderById.load(result.orderId);
  if (order) requireOwner(identity, order.userId);
  return order;
}

/** The order a successful command concerned, as now recorded. */
async function recordedOrder(result: OrderCommandResult, args: unknown, context: OrdersContext) {
  const order = await orderOf(result, args, context);
  if (!order) throw new Error(`order ${result.orderId ?? '(none)'} was not recorded`);
  return order;
}

/** Each command's union holds its own success type and the shared rejection. */
const resolveAs =
  <Success extends string>(success: Success) =>
  (result: OrderCommandResult) =>
    result.__typename === 'OrderRejected' ? ('OrderRejected' as const) : success;

export const PlaceOrderResult: PlaceOrderResultResolvers = { __resolveType: resolveAs('OrderAccepted') };
export const CancelOrderResult: CancelOrderResultResolvers = { __resolveType: resolveAs('OrderCancelled') };
export const AmendOrderResult: AmendOrderResultResolvers = { __resolveType: resolveAs('OrderAmended') };
export const OrderAccepted: OrderAcceptedResolvers = { order: recordedOrder };
export const OrderCancelled: OrderCancelledResolvers = { order: recordedOrder };
export const OrderAmended: OrderAmendedResolvers = { order: recordedOrder };
export const OrderRejected: OrderRejectedResolvers = {
  reason: (result) => (result.__typename === 'OrderRejected' ? result.reason : ''),
  code: (result) => (result.__typename === 'OrderRejected' ? result.code : 0),
  message: (result) => (result.__typename === 'OrderRejected' ? result.message : ''),
  rejectedOrder: orderOf,
};
