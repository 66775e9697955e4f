import type { AddressInfo } from 'node:net';
import { observabilityRoutes, type HealthCheck, type Registry } from '@mib/telemetry';
import express from 'express';

export interface MetricsServerOptions {
  /** Port; 0 picks a free one. */
  readonly port: number;
  readonly host: string;
  readonly registry: Registry;
  readonly checks: Readonly<Record<string, HealthCheck>>;
  /** Bearer token `/metrics` (and `/health`'s detail) ask for; undefined: open. */
  readonly metricsToken?: string | undefined;
}

export interface MetricsServer {
  /** The bound port. */
  readonly port: number;
  close(): Promise<void>;
}

/** The engine's HTTP side: `/metrics` (Prometheus text) and `/health`, as every service serves them. */
export async function serveMetrics(options: MetricsServerOptions): Promise<MetricsServer> {
  const app = express();
  app.disable('x-powered-by');
  app.use(
    observabilityRoutes({
      service: 'engine',
      registry: options.registry,
      checks: options.checks,
      metricsToken: options.metricsToken,
    }),
  );
  const server = app.listen(options.port, options.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve).once('error', reject);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A scraper's keep-alive connection would hold close() open until it times out.
        server.closeAllConnections();
      }),
  };
}
