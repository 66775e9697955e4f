import type { PrismaClient } from '@mib/db';
import type { EngineClient } from '@mib/engine';
import {
  InstrumentCatalog,
  liveEventsOf,
  readModelProgressOf,
  type PlatformServices,
  type ReadModelProgress,
} from '@mib/subgraph-kit';
import { LiveAlerts } from './live/liveAlerts.js';

/** Consumer group and event-mark owner of the risk monitor. */
export const RISK_MONITOR = 'risk-monitor';

/** What the risk subgraph keeps for the life of the process (one per database client). */
export interface RiskRuntime {
  readonly catalog: InstrumentCatalog;
  /** How far the monitor has got: live alerts wait until it has recorded theirs. */
  readonly progress: ReadModelProgress;
  /** Absent when the subgraph runs without the engine and the bus (queries only). */
  readonly trading?: { readonly engine: EngineClient; readonly liveAlerts: LiveAlerts };
}

const runtimes = new WeakMap<PrismaClient, RiskRuntime>();

export function riskRuntimeOf(prisma: PrismaClient, services: PlatformServices | undefined): RiskRuntime {
  let runtime = runtimes.get(prisma);
  if (!runtime) {
    const live = services && liveEventsOf(services.events, { name: 'risk', topics: ['risk-alerts'] });
    const progress = readModelProgressOf(prisma, { schema: 'risk', consumer: RISK_MONITOR });
    runtime = {
      catalog: new InstrumentCatalog(prisma),
      progress,
      ...(services && live
        ? { trading: { engine: services.engine, liveAlerts: new LiveAlerts(live, progress) } }
        : {}),
    };
    runtimes.set(prisma, runtime);
  }
  return runtime;
}
