export { createLogger, silentLogger, type Logger } from './logger.js';
export {
  createMetricsRegistry,
  createGraphQLMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type GraphQLMetrics,
} from './metrics.js';
export { observabilityRoutes, type HealthCheck } from './observabilityRoutes.js';
export { metricsPlugin } from './metricsPlugin.js';
