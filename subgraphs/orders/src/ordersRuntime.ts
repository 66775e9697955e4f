import type { PrismaClient } from '@mib/db';
import type { EngineClient } from '@mib/engine';
import { InstrumentCatalog, liveEventsOf, type PlatformServices } from '@mib/subgraph-kit';
import { LiveOrders } from './live/liveOrders.js';

/** What the orders subgraph keeps for the life of the process (one per database client). */
export interface OrdersRuntime {
  readonly catalog: InstrumentCatalog;
  /** Absent when the subgraph runs without the engine and the bus (queries only). */
  readonly trading?: { readonly engine: EngineClient; readonly liveOrders: LiveOrders };
}

/** The live stream behind myOrderUpdates and myTrades. */
export const LIVE_ORDER_TOPICS = { name: 'orders', topics: ['orders', 'trades'] } as const;

const runtimes = new WeakMap<PrismaClient, OrdersRuntime>();

export function ordersRuntimeOf(prisma: PrismaClient, services: PlatformServices | undefined): OrdersRuntime {
  let runtime = runtimes.get(prisma);
  if (!runtime) {
    const catalog = new InstrumentCatalog(prisma);
    const live = services && liveEventsOf(services.events, LIVE_ORDER_TOPICS);
    runtime = {
      catalog,
      ...(services && live
        ? { trading: { engine: services.engine, liveOrders: new LiveOrders(live, prisma, catalog) } }
        : {}),
    };
    runtimes.set(prisma, runtime);
  }
  return runtime;
}
