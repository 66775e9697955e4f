import { ServerInterceptingCall, status, type ServerInterceptor } from '@grpc/grpc-js';
import { Counter, Histogram, type Registry } from '@mib/telemetry';

/**
 * Unary calls take ~10 µs to a few ms inside the engine; streams last as long as the client keeps
 * them open, so their observations land in the upper buckets.
 */
const DURATION_BUCKETS = [
  0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5, 30,
];

/** `/mib.engine.v1.MatchingEngine/SubmitOrder` → `SubmitOrder` (health: `Check`, `Watch`). */
function methodOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Counts every gRPC call by method and status code and times it, as a server interceptor (one
 * counter increment and one histogram observation per call, none per message: a SubmitOrders
 * batch of 65 536 orders is one message, a stream one call). A call the client cancels counts
 * as CANCELLED.
 */
export function grpcMetricsInterceptor(registry: Registry): ServerInterceptor {
  const requests = new Counter({
    name: 'engine_grpc_requests_total',
    help: 'gRPC calls finished, by method and status code (streams count once, when they end)',
    labelNames: ['method', 'code'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'engine_grpc_request_duration_seconds',
    help: 'Time from a gRPC call arriving to its status being sent (streams: their lifetime)',
    labelNames: ['method'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  return (descriptor, call) => {
    const method = methodOf(descriptor.path);
    const started = performance.now();
    let finished = false;
    const finish = (code: status): void => {
      if (finished) return;
      finished = true;
      requests.inc({ method, code: status[code] ?? String(code) });
      duration.observe({ method }, (performance.now() - started) / 1_000);
    };
    return new ServerInterceptingCall(call, {
      start: (next) => next({ onCancel: () => finish(status.CANCELLED) }),
      sendStatus: (statusObject, next) => {
        finish(statusObject.code);
        next(statusObject);
      },
    });
  };
}
