export {
  startTracing,
  tracingEnabled,
  tracerFor,
  type Tracing,
  type TracingOptions,
} from './startTracing.js';
export { loadTracingConfig, type TracingEnvironment } from './tracingConfig.js';
export type { Tracer } from '@opentelemetry/api';
export {
  extractTraceContext,
  extractTraceMetadata,
  injectTraceContext,
  injectTraceMetadata,
  type IncomingHeaders,
  type MetadataCarrier,
} from './traceContext.js';
export { serveInServerSpan, type ServerSpanOptions } from './httpServerSpans.js';
export { operationSpanPlugin } from './operationSpanPlugin.js';
