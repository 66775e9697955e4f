import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLMetrics } from './metrics.js';

/** Counts operations and times them from request start to response, by operation name. */
export function metricsPlugin(metrics: GraphQLMetrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors }) {
          const operation = operationName ?? 'anonymous';
          metrics.requests.inc({ operation, outcome: errors?.length ? 'error' : 'ok' });
          metrics.duration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
