import { Router } from 'express';
import type { Registry } from 'prom-client';

/** What a dependency check reports; `/health` answers 503 when any check is not ok. */
export type HealthCheck = () => Promise<{ ok: boolean; detail?: string }>;

/** `/health` (JSON, 200 or 503) and `/metrics` (Prometheus text format) for one service. */
export function observabilityRoutes(options: {
  service: string;
  registry: Registry;
  checks?: Readonly<Record<string, HealthCheck>>;
}): Router {
  const router = Router();
  router.get('/health', async (_request, response) => {
    const entries = await Promise.all(
      Object.entries(options.checks ?? {}).map(async ([name, check]) => {
        try {
          return [name, await check()] as const;
        } catch (error) {
          return [
            name,
            { ok: false, detail: error instanceof Error ? error.message : String(error) },
          ] as const;
        }
      }),
    );
    const ok = entries.every(([, result]) => result.ok);
    response
      .status(ok ? 200 : 503)
      .json({
        service: options.service,
        status: ok ? 'ok' : 'unavailable',
        checks: Object.fromEntries(entries),
      });
  });
  router.get('/metrics', async (_request, response) => {
    response.type(options.registry.contentType).send(await options.registry.metrics());
  });
  return router;
}
