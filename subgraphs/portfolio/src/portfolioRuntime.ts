import type { PrismaClient } from '@mib/db';
import {
  InstrumentCatalog,
  liveEventsOf,
  readModelProgressOf,
  type PlatformServices,
  type ReadModelProgress,
} from '@mib/subgraph-kit';
import type { Logger } from '@mib/telemetry';
import { LivePortfolios } from './live/livePortfolios.js';

/** Consumer group and event-mark owner of the positions read model. */
export const POSITIONS_CONSUMER = 'portfolio-positions';

/** What the portfolio subgraph keeps for the life of the process (one per database client). */
export interface PortfolioRuntime {
  readonly catalog: InstrumentCatalog;
  readonly progress: ReadModelProgress;
  /** Absent when the subgraph runs without the event bus (queries only). */
  readonly live?: LivePortfolios;
}

const runtimes = new WeakMap<PrismaClient, PortfolioRuntime>();

/**
 * The runtime of `prisma`, made by the first caller: the subgraph's start-up, which passes the
 * logger live subscriptions report a lagging read model to.
 */
export function portfolioRuntimeOf(
  prisma: PrismaClient,
  services: PlatformServices | undefined,
  logger?: Logger,
): PortfolioRuntime {
  let runtime = runtimes.get(prisma);
  if (!runtime) {
    const progress = readModelProgressOf(prisma, { schema: 'portfolio', consumer: POSITIONS_CONSUMER });
    const live = services && liveEventsOf(services.events, { name: 'portfolio', topics: ['trades'] });
    runtime = {
      catalog: new InstrumentCatalog(prisma),
      progress,
      ...(live ? { live: new LivePortfolios(live, prisma, progress, logger ? { logger } : {}) } : {}),
    };
    runtimes.set(prisma, runtime);
  }
  return runtime;
}
