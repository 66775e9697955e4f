import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, type Tracing } from './tracing/startTracing.js';

export { InMemorySpanExporter, type ReadableSpan };

/** Tracing on for a test file, every span kept in memory as it ends; disposing shuts it down. */
export interface RecordedSpans extends AsyncDisposable {
  readonly tracing: Tracing;
  /** The spans ended so far, in the order they ended. */
  finished(): ReadableSpan[];
}

/**
 * Starts tracing with the SDK's in-memory exporter. Once per test file, before any server starts:
 * Apollo Gateway takes its tracer when it is first loaded, so a provider registered after an
 * earlier one was shut down never reaches it.
 */
export function recordSpans(serviceName = 'test'): RecordedSpans {
  const exporter = new InMemorySpanExporter();
  const tracing = startTracing({ serviceName, spanExporter: exporter });
  return {
    tracing,
    finished: () => exporter.getFinishedSpans(),
    [Symbol.asyncDispose]: () => tracing.shutdown(),
  };
}
