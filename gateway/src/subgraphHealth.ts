import type { HealthCheck } from '@mib/telemetry';

/** `/health` of the gateway includes each subgraph's own `/health`, with a short timeout. */
export const subgraphHealthCheck =
  (graphqlUrl: string): HealthCheck =>
  async () => {
    const response = await fetch(new URL('/health', graphqlUrl), { signal: AbortSignal.timeout(2_000) });
    return response.ok ? { ok: true } : { ok: false, detail: `HTTP ${response.status}` };
  };
