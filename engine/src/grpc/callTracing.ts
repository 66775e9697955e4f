import { ServerInterceptingCall, status, type ServerInterceptor } from '@grpc/grpc-js';
import { SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
import { extractTraceMetadata, tracerFor } from '@mib/telemetry';

/**
 * Status codes that are the server's failure, not the caller's (OpenTelemetry's gRPC semantic
 * conventions): only these mark a server span as an error.
 */
const SERVER_ERRORS = new Set([status.UNKNOWN, status.DEADLINE_EXCEEDED, status.UNIMPLEMENTED, status.INTERNAL, status.UNAVAILABLE, status.DATA_LOSS]);

/**
 * A SERVER span per gRPC call, continuing the caller's `traceparent` metadata: one per call on the
 * main thread, never per order of a batch nor inside a worker (a stream's span lasts as long as
 * the stream). Health checks are not traced. Installed only when tracing is on.
 */
export function grpcTracingInterceptor(): ServerInterceptor {
  const tracer = tracerFor('engine');
  return (descriptor, call) => {
    // `/mib.engine.v1.MatchingEngine/SubmitOrder` → the semantic conventions' `rpc.method`.
    const method = descriptor.path.slice(1);
    if (method.startsWith('grpc.health.')) return new ServerInterceptingCall(call);
    let span: Span | undefined;
    const finish = (code: status): void => {
      if (span === undefined) return;
      span.setAttribute('rpc.status_code', status[code] ?? String(code));
      if (SERVER_ERRORS.has(code)) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      span = undefined;
    };
    return new ServerInterceptingCall(call, {
      start: (next) =>
        next({
          onReceiveMetadata: (metadata, nextMetadata) => {
            span = tracer.startSpan(method, { kind: SpanKind.SERVER, attributes: { 'rpc.system.name': 'grpc', 'rpc.method': method } }, extractTraceMetadata(metadata));
            nextMetadata(metadata);
          },
          onCancel: () => finish(status.CANCELLED),
        }),
      sendStatus: (statusObject, next) => {
        finish(statusObject.code);
        next(statusObject);
      },
    });
  };
}
