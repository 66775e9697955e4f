import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type Request } from 'express';
import type { Registry } from 'prom-client';

/** What a dependency check reports; `/health` answers 503 when any check is not ok. */
export type HealthCheck = () => Promise<{ ok: boolean; detail?: string }>;

/**
 * `/health` (JSON, 200 or 503) and `/metrics` (Prometheus text format) for one service. With a
 * `metricsToken` (a deployment whose ports face the internet), `/metrics` answers only a scraper
 * sending it as a bearer token (401 otherwise), and `/health` tells anyone else only the status,
 * not the checks' detail (which names hosts and errors): a load balancer needs no more.
 */
export function observabilityRoutes(options: {
  service: string;
  registry: Registry;
  checks?: Readonly<Record<string, HealthCheck>>;
  metricsToken?: string | undefined;
}): Router {
  const router = Router();
  const trusted = bearerCheck(options.metricsToken);
  router.get('/health', async (request, response) => {
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
    const status = { service: options.service, status: ok ? 'ok' : 'unavailable' };
    response
      .status(ok ? 200 : 503)
      .json(trusted(request) ? { ...status, checks: Object.fromEntries(entries) } : status);
  });
  router.get('/metrics', async (request, response) => {
    if (!trusted(request)) {
      response
        .status(401)
        .set('WWW-Authenticate', 'Bearer')
        .type('text/plain')
        .send('metrics need the bearer token');
      return;
    }
    response.type(options.registry.contentType).send(await options.registry.metrics());
  });
  return router;
}

/** Whether a request carries `Bearer <token>`; every request when there is no token. */
function bearerCheck(token: string | undefined): (request: Request) => boolean {
  if (token === undefined || token === '') return () => true;
  // Digests compare in constant time whatever the lengths.
  const expected = createHash('sha256').update(`Bearer ${token}`).digest();
  return (request) =>
    timingSafeEqual(
      createHash('sha256')
        .update(request.headers.authorization ?? '')
        .digest(),
      expected,
    );
}
