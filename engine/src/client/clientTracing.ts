import { InterceptingCall, status, type Interceptor } from '@grpc/grpc-js';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { injectTraceMetadata, tracerFor } from '@mib/telemetry';

/**
 * A CLIENT span per engine call, child of whatever span is active where the call starts (a
 * subgraph's operation), its `traceparent` sent in the call's metadata so the engine's span joins
 * the trace. Installed only when tracing is on.
 */
export function clientTracingInterceptor(address: string): Interceptor {
  const tracer = tracerFor('engine-client');
  const [host = address, port] = address.split(':');
  return (options, nextCall) => {
    const method = options.method_definition.path.slice(1);
    const span = tracer.startSpan(method, {
      kind: SpanKind.CLIENT,
      attributes: { 'rpc.system.name': 'grpc', 'rpc.method': method, 'server.address': host, ...(port === undefined ? {} : { 'server.port': Number(port) }) },
    });
    const callContext = trace.setSpan(context.active(), span);
    return new InterceptingCall(nextCall(options), {
      start: (metadata, _listener, next) => {
        injectTraceMetadata(metadata, callContext);
        next(metadata, {
          onReceiveStatus: (statusObject, nextStatus) => {
            span.setAttribute('rpc.status_code', status[statusObject.code] ?? String(statusObject.code));
            if (statusObject.code !== status.OK) span.setStatus({ code: SpanStatusCode.ERROR, message: statusObject.details });
            span.end();
            nextStatus(statusObject);
          },
        });
      },
    });
  };
}
