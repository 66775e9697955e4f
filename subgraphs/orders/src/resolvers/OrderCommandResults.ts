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

const orderOf = (result: OrderCommandResult, _args: unknown, { orderById }: OrdersContext) =>
  result.orderId === null ? null : orderById.load(result.orderId);

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
