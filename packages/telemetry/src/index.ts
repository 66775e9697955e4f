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
export {
  startTracing,
  loadTracingConfig,
  tracingEnabled,
  tracerFor,
  extractTraceContext,
  extractTraceMetadata,
  injectTraceContext,
  injectTraceMetadata,
  serveInServerSpan,
  operationSpanPlugin,
  type Tracing,
  type Tracer,
  type TracingOptions,
  type TracingEnvironment,
  type IncomingHeaders,
  type MetadataCarrier,
  type ServerSpanOptions,
} from './tracing/index.js';
