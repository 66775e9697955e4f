import { applyOnce, databaseSubgraph } from '@mib/subgraph-kit';
import { createRiskContext } from './context.js';
import { startLimitsPush } from './limits/pushStoredLimits.js';
import { publishPendingAlerts } from './monitor/alertOutbox.js';
import { applyRiskEvent, tradedRateOf } from './monitor/applyRiskEvent.js';
import { resolvers } from './resolvers/index.js';
import { RISK_MONITOR, riskRuntimeOf } from './riskRuntime.js';

export const RISK_SUBGRAPH = 'risk';

/**
 * The risk subgraph: limits (pushed to the engine), the risk monitor (net positions, position
 * limit alerts, alert history) fed by the bus, exposure, VaR and drawdown, and live alerts.
 */
export const riskSubgraph = databaseSubgraph({
  name: RISK_SUBGRAPH,
  schemaFile: new URL('./schema.graphql', import.meta.url),
  resolvers,
  createContext: createRiskContext,
  background: async (prisma, services, logger) => {
    const monitorLogger = logger.child({ consumer: RISK_MONITOR });
    const runtime = riskRuntimeOf(prisma, services);
    await runtime.trading?.liveAlerts.start();
    // Alerts a previous run committed but did not get to publish.
    await publishPendingAlerts(prisma, services.events);
    // The engine enforces only the limits it was sent: push the stored ones, in the background so
    // that serving never waits on an engine that is down or not started yet.
    const limitsPush = startLimitsPush(prisma, services.engine, logger.child({ task: 'risk-limits-push' }));
    const target = { schema: 'risk', consumer: RISK_MONITOR } as const;
    // `consumeIntoReadModel` spelled out, to read a trade's USD rate before the transaction (see
    // `tradedRateOf`) and to publish the alerts a trade raised once it committed. A failed
    // publication fails the handler: the bus redelivers the trade, `applyOnce` skips it and the
    // publication is tried again.
    return [
      limitsPush,
      await services.events.subscribe({
        group: RISK_MONITOR,
        topics: ['trades', 'risk-alerts'],
        handler: async (event) => {
          const tradedRate = await tradedRateOf(prisma, runtime.catalog, event);
          await applyOnce(prisma, target, event, (tx) =>
            applyRiskEvent(event, tx, { logger: monitorLogger, tradedRate }),
          );
          runtime.progress.applied(event);
          if (event.type === 'trade') await publishPendingAlerts(prisma, services.events);
        },
      }),
    ];
  },
});
