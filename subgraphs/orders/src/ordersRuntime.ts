import type { PrismaClient } from '@mib/db';
import type { EngineClient } from '@mib/engine';
import {
  InstrumentCatalog,
  liveEventsOf,
  readModelProgressOf,
  type PlatformServices,
  type ReadModelProgress,
} from '@mib/subgraph-kit';
import type { Logger } from '@mib/telemetry';
import { LiveOrders } from './live/liveOrders.js';
import { ORDERS_CONSUMER } from './readModel/pendingTrades.js';

/** What the orders subgraph keeps for the life of the process (one per database client). */
export interface OrdersRuntime {
  readonly catalog: InstrumentCatalog;
  /** How far the read model has got: live trades wait until it has recorded their orders. */
  readonly progress: ReadModelProgress;
  /** Absent when the subgraph runs without the engine and the bus (queries only). */
  readonly trading?: {
    readonly engine: EngineClient;
    readonly liveOrders: LiveOrders;
    /** The subgraph's logger, for the commands that leave an audit trail (a cancel-all by an admin). */
    readonly logger: Logger;
  };
}

/** What the subgraph trades through, when it runs with the engine and the bus. */
export interface TradingPlatform {
  readonly services: PlatformServices;
  readonly logger: Logger;
}

/** The live stream behind myOrderUpdates and myTrades. */
export const LIVE_ORDER_TOPICS = { name: 'orders', topics: ['orders', 'trades'] } as const;

const runtimes = new WeakMap<PrismaClient, OrdersRuntime>();

/**
 * The runtime of the subgraph over `prisma`, made by the first call and then kept. The
 * subgraph's start makes it, with the trading platform, before it serves a request (its
 * background tasks run first); without a platform (queries only) a request's context makes it.
 */
export function ordersRuntimeOf(prisma: PrismaClient, platform?: TradingPlatform): OrdersRuntime {
  let runtime = runtimes.get(prisma);
  if (!runtime) {
    const catalog = new InstrumentCatalog(prisma);
    const progress = readModelProgressOf(prisma, { schema: 'orders', consumer: ORDERS_CONSUMER });
    const live = platform && liveEventsOf(platform.services.events, LIVE_ORDER_TOPICS);
    runtime = {
      catalog,
      progress,
      ...(platform && live
        ? {
            trading: {
              engine: platform.services.engine,
              liveOrders: new LiveOrders(live, prisma, catalog, progress),
              logger: platform.logger,
            },
          }
        : {}),
    };
    runtimes.set(prisma, runtime);
  }
  return runtime;
}
