import { requireOwner } from '@mib/auth';
import { Prisma } from '@mib/db';
import { parseId } from '@mib/subgraph-kit';
import type { OrderResolvers } from './types.generated.js';

export const Order: OrderResolvers = {
  // The gateway sends many representations at once; the loader turns them into one query.
  // A representation is any id a caller sends to `_entities`: the owner check of `Query.order`.
  __resolveReference: async ({ id }, { orderById, identity }) => {
    const order = await orderById.load(parseId(id));
    if (order) requireOwner(identity, order.userId);
    return order;
  },
  // Users and instruments belong to other subgraphs: hand back the key (and the instrument's
  // symbol, which this subgraph provides), the gateway does the rest (`User.orders` here needs
  // only the id, which codegen.yml's `User` mapper says).
  user: ({ userId }) => ({ id: userId }),
  instrument: ({ instrumentId }, _args, { instrumentOf }) => instrumentOf.load(instrumentId),
  // Rows mirrored from the engine's report before it was read right hold 0 for a MARKET order.
  price: ({ type, price }) => (type === 'MARKET' ? null : price),
  // Leaves, as the engine counts it: what is still working, none once the order stopped.
  remainingQuantity: ({ status, quantity, filledQuantity }) =>
    status === 'CANCELLED' || status === 'REJECTED' ? new Prisma.Decimal(0) : quantity.minus(filledQuantity),
  trades: ({ id }, _args, { tradesByOrderId }) => tradesByOrderId.load(id),
};
