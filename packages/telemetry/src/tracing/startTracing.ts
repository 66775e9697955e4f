import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { exportsTraces, loadTracingConfig } from './tracingConfig.js';

/** The process's tracing, as `startTracing` left it. */
export interface Tracing {
  /** Whether spans are recorded: a provider is registered globally. */
  readonly enabled: boolean;
  /** Exports every span ended so far (before a test reads an exporter, or before exit). */
  forceFlush(): Promise<void>;
  /** Flushes, then unregisters the provider, the context manager and the propagator. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /**
   * `service.name` of every span of this process (OTEL_SERVICE_NAME overrides it). Where one
   * process runs several services (the launcher) this names the process; each service's spans
   * then tell themselves apart by their tracer (instrumentation scope) name.
   */
  readonly serviceName: string;
  /**
   * Where spans go instead of OTLP, each as soon as it ends (tests: the SDK's
   * `InMemorySpanExporter`). Given, tracing is on whatever the environment says.
   */
  readonly spanExporter?: SpanExporter;
}

const OFF: Tracing = { enabled: false, forceFlush: async () => {}, shutdown: async () => {} };
let current: Tracing = OFF;

/**
 * The tracer a part of the platform records its spans with; `scope` (the instrumentation scope,
 * e.g. `gateway`, `orders`, `engine`) tells the parts apart where one process runs them all. A
 * no-op tracer while tracing is off. Get it when a server starts, not at module load.
 */
export const tracerFor = (scope: string): Tracer => trace.getTracer(scope);

/** Whether a `startTracing` of this process registered a provider (and has not shut it down). */
export const tracingEnabled = (): boolean => current.enabled;

/**
 * Starts OpenTelemetry tracing for this process when OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set: a tracer provider exporting over OTLP/HTTP in
 * batches, W3C `traceparent` propagation and an AsyncLocalStorage context manager, all registered
 * globally (so Apollo Gateway's own spans use them too). Unset, it registers nothing and every
 * `@opentelemetry/api` call stays a no-op. Call it once per process, before starting any server:
 * the servers decide at start-up whether to trace.
 */
export function startTracing(options: TracingOptions): Tracing {
  if (current.enabled) throw new Error('tracing is already started in this process');
  const config = loadTracingConfig(options.serviceName, process.env);
  if (options.spanExporter === undefined && !exportsTraces(config)) return OFF;

  const provider = new BasicTracerProvider({
    // The SDK's defaults (telemetry.sdk.*), then our name, then OTEL_SERVICE_NAME and
    // OTEL_RESOURCE_ATTRIBUTES, which the spec says win.
    resource: defaultResource()
      .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }))
      .merge(detectResources({ detectors: [envDetector] })),
    // The sampler comes from OTEL_TRACES_SAMPLER(_ARG), read by the provider itself.
    spanProcessors: [
      options.spanExporter === undefined
        ? new BatchSpanProcessor(new OTLPTraceExporter())
        : new SimpleSpanProcessor(options.spanExporter),
    ],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);

  const started: Tracing = {
    enabled: true,
    forceFlush: () => provider.forceFlush(),
    async shutdown() {
      if (current !== started) return;
      current = OFF;
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
  current = started;
  return started;
}
