import { Writable } from 'node:stream';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createLogger } from './logger.js';
import { startTracing, type Tracing } from './tracing/startTracing.js';
import type { Logger } from 'pino';

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

/** A logger whose lines a test reads. */
export interface RecordedLogs {
  readonly logger: Logger;
  /** Every line logged at `level` or above, parsed, oldest first. */
  readonly lines: Record<string, unknown>[];
}

/** A logger for `service` at `level` (default info) that keeps its lines for the test to read. */
export function recordLogs(service = 'test', level = 'info'): RecordedLogs {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(line: Buffer, _encoding, done) {
      lines.push(JSON.parse(line.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger(service, { level, destination }), lines };
}
