import { parseId } from '@mib/subgraph-kit';
import type { OrderResolvers, ResolversTypes } from './types.generated.js';

/**
 * A user as this subgraph knows one: by key. That is a complete parent here, since `User.orders`
 * needs only the id, and the gateway fetches the other fields from the users subgraph. The cast
 * is there because codegen.yml gives `User` no mapper for orders, so the generated type wants
 * `orders` filled in up front; a mapper `User: '{ id: string }'` would make it a no-op.
 */
const userByKey = (id: string) => ({ id }) as ResolversTypes['User'];

export const Order: OrderResolvers = {
  // The gateway sends many representations at once; the loader turns them into one query.
  __resolveReference: ({ id }, { orderById }) => orderById.load(parseId(id)),
  // Users and instruments belong to other subgraphs: hand back the key, the gateway does the rest.
  user: ({ userId }) => userByKey(userId),
  instrument: ({ instrumentId }) => ({ id: instrumentId }),
  remainingQuantity: ({ quantity, filledQuantity }) => quantity.minus(filledQuantity),
  trades: ({ id }, _args, { tradesByOrderId }) => tradesByOrderId.load(id),
};
