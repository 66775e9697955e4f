import { consumeIntoReadModel, databaseSubgraph, liveEventsOf } from '@mib/subgraph-kit';
import { createOrdersContext } from './context.js';
import { LIVE_ORDER_TOPICS, ordersRuntimeOf } from './ordersRuntime.js';
import { applyOrdersEvent } from './readModel/applyOrdersEvent.js';
import { ORDERS_CONSUMER } from './readModel/pendingTrades.js';
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
    const { catalog, progress } = ordersRuntimeOf(prisma, {
      services,
      logger: logger.child({ subgraph: ORDERS_SUBGRAPH }),
    });
    // Join the live stream now: joining on the first subscriber would miss what happens meanwhile.
    await liveEventsOf(services.events, LIVE_ORDER_TOPICS).start();
    const consumerLogger = logger.child({ consumer: ORDERS_CONSUMER });
    return [
      await consumeIntoReadModel(services.events, prisma, {
        schema: 'orders',
        consumer: ORDERS_CONSUMER,
        topics: ['orders', 'trades'],
        apply: (event, tx) => applyOrdersEvent(event, tx, { catalog, logger: consumerLogger }),
        applied: (event) => progress.applied(event),
      }),
    ];
  },
});
