import { status, type ServerWritableStream } from '@grpc/grpc-js';
import type { HealthCheckRequest__Output } from './generated/grpc/health/v1/HealthCheckRequest.js';
import type { HealthCheckResponse } from './generated/grpc/health/v1/HealthCheckResponse.js';
import type { HealthHandlers } from './generated/grpc/health/v1/Health.js';

export type ServingStatus = 'SERVING' | 'NOT_SERVING';

/**
 * grpc.health.v1 (https://github.com/grpc/grpc/blob/master/doc/health-checking.md): Check
 * answers the current status of a known service name ("" = the whole server) and NOT_FOUND for
 * others; Watch streams the status now and on every change (SERVICE_UNKNOWN for unknown names).
 */
export class HealthService {
  private readonly statuses = new Map<string, ServingStatus>();
  private readonly watchers = new Set<{ service: string; call: ServerWritableStream<HealthCheckRequest__Output, HealthCheckResponse> }>();

  constructor(services: readonly string[]) {
    for (const service of ['', ...services]) this.statuses.set(service, 'NOT_SERVING');
  }

  /** The status of a known service name ("" = the whole server), undefined for others. */
  statusOf(service: string): ServingStatus | undefined {
    return this.statuses.get(service);
  }

  /** Sets every known service's status and tells watchers. */
  setAll(serving: ServingStatus): void {
    for (const service of this.statuses.keys()) this.statuses.set(service, serving);
    for (const watcher of this.watchers) watcher.call.write({ status: this.statuses.get(watcher.service) ?? 'SERVICE_UNKNOWN' });
  }

  /** Ends every Watch stream (server shutdown). */
  close(): void {
    for (const watcher of this.watchers) watcher.call.end();
    this.watchers.clear();
  }

  readonly handlers: HealthHandlers = {
    Check: (call, callback) => {
      const serving = this.statuses.get(call.request.service);
      if (serving === undefined) callback({ code: status.NOT_FOUND, details: `unknown service "${call.request.service}"` });
      else callback(null, { status: serving });
    },
    Watch: (call) => {
      const watcher = { service: call.request.service, call };
      this.watchers.add(watcher);
      call.write({ status: this.statuses.get(call.request.service) ?? 'SERVICE_UNKNOWN' });
      call.on('cancelled', () => this.watchers.delete(watcher));
    },
  };
}
