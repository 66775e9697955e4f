import { databaseSubgraph, liveEventsOf } from '@mib/subgraph-kit';
import { createOrdersContext } from './context.js';
import { LIVE_ORDER_TOPICS, ordersRuntimeOf } from './ordersRuntime.js';
import { consumeOrders, ORDERS_CONSUMER } from './readModel/consumeOrders.js';
import { resolvers } from './resolvers/index.js';

export const ORDERS_SUBGRAPH = 'orders';

/**
 * The orders subgraph: orders and trades mirrored from the engine's events, each user's orders,
 * the commands that reach the engine, and live order and trade updates.
 */
export const ordersSubgraph = databaseSubgraph({
  name: ORDERS_SUBGRAPH,
  schemaFile: new URL('./schema.graphql', import.meta.url),
  resolvers,
  createContext: createOrdersContext,
  background: async (prisma, services, logger) => {
    // Makes the process's runtime, trading on, before any request's context looks for it.
    const { catalog } = ordersRuntimeOf(prisma, {
      services,
      logger: logger.child({ subgraph: ORDERS_SUBGRAPH }),
    });
    // Join the live stream now: joining on the first subscriber would miss what happens meanwhile.
    await liveEventsOf(services.events, LIVE_ORDER_TOPICS).start();
    return [
      await consumeOrders(services.events, prisma, {
        catalog,
        logger: logger.child({ consumer: ORDERS_CONSUMER }),
      }),
    ];
  },
});
