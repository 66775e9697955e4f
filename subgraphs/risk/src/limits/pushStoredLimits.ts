import { status } from '@grpc/grpc-js';
import type { PrismaClient, RiskProfile } from '@mib/db';
import { EngineRequestError, type EngineClient } from '@mib/engine';
import { retryUntilDone, type RetryPolicy } from '@mib/events';
import type { BackgroundTask } from '@mib/subgraph-kit';
import type { Logger } from '@mib/telemetry';
import { engineLimitsOf } from './engineLimits.js';
import { withRiskLimitsLock } from './riskLimitsLock.js';

export interface PushStoredLimitsOptions {
  readonly logger: Logger;
  /** Aborted when the subgraph stops: the push is then abandoned. */
  readonly signal: AbortSignal;
  /**
   * Backoff while the engine cannot be reached. Default 250 ms doubling to 10 s: the engine may
   * start after the subgraph, and a restarting one should not be hammered.
   */
  readonly retry?: RetryPolicy;
  /** Profiles read per query and pushed before the next is read. Default 200. */
  readonly batchSize?: number;
  /**
   * Profiles in flight at once within a batch. Default 4: each holds a pooled database connection
   * (its lock) for the call, and requests served meanwhile need connections too.
   */
  readonly concurrency?: number;
}

const STARTUP_RETRY: RetryPolicy = { initialDelayMs: 250, maxDelayMs: 10_000 };

/**
 * Sends every stored risk profile to the engine, so it enforces what `risk.risk_profiles` says:
 * profiles written without the mutation (the seed, a restore) and those an engine started
 * without its journal has lost. Batch by batch in id order; a batch that fails (engine down,
 * deadline) is pushed again after a backoff, as SetRiskLimits is idempotent, until it goes
 * through or `signal` aborts. A profile the engine refuses as invalid is logged and skipped:
 * retrying would never help and would hold back every profile after it.
 */
export async function pushStoredLimits(
  prisma: PrismaClient,
  engine: EngineClient,
  options: PushStoredLimitsOptions,
): Promise<'done' | 'abandoned'> {
  const { logger, signal, batchSize = 200 } = options;
  let pushed = 0;
  let afterId: string | undefined;
  for (;;) {
    const batch = await prisma.riskProfile.findMany({
      ...(afterId === undefined ? {} : { where: { id: { gt: afterId } } }),
      select: { id: true, userId: true },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (batch.length === 0) break;
    const outcome = await retryUntilDone(() => pushBatch(prisma, engine, batch, options), {
      retry: options.retry ?? STARTUP_RETRY,
      signal,
      onFailure: (error, attempt, retryInMs) =>
        logger.warn({ err: error, attempt, retryInMs }, 'risk limits not pushed to the engine yet; retrying'),
    });
    if (outcome === 'abandoned') {
      logger.info({ pushed }, 'pushing stored risk limits to the engine abandoned');
      return 'abandoned';
    }
    pushed += batch.length;
    afterId = batch.at(-1)?.id;
  }
  logger.info({ pushed }, 'stored risk limits pushed to the engine');
  return 'done';
}

/** Pushes `batch` with at most `concurrency` calls in flight; fails with the first transient error. */
async function pushBatch(
  prisma: PrismaClient,
  engine: EngineClient,
  batch: readonly Pick<RiskProfile, 'id' | 'userId'>[],
  { logger, concurrency = 4 }: PushStoredLimitsOptions,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let profile = batch[next++]; profile; profile = batch[next++]) {
      try {
        await pushCurrentLimits(prisma, engine, profile.userId);
      } catch (error) {
        if (!(error instanceof EngineRequestError && error.status === status.INVALID_ARGUMENT)) throw error;
        logger.error(
          { err: error, userId: profile.userId, riskProfileId: profile.id },
          'stored risk limits refused by the engine; the engine keeps its earlier limits for the account',
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, worker));
}

/**
 * Pushes the account's limits as stored now, read under its lock: the batch's copy may predate a
 * mutation that has since pushed newer ones. A profile deleted meanwhile is not pushed.
 */
async function pushCurrentLimits(prisma: PrismaClient, engine: EngineClient, userId: string): Promise<void> {
  await withRiskLimitsLock(prisma, userId, async (tx) => {
    const profile = await tx.riskProfile.findUnique({ where: { userId } });
    if (profile) await engine.setRiskLimits(engineLimitsOf(userId, profile));
  });
}

/**
 * Runs `pushStoredLimits` beside the server: returned at once, stopped (abandoned, then awaited)
 * by `close`. A failure outside the retried pushes, such as the database gone, is logged, never
 * thrown: the subgraph serves on with the engine's earlier limits.
 */
export function startLimitsPush(prisma: PrismaClient, engine: EngineClient, logger: Logger): BackgroundTask {
  const stop = new AbortController();
  const running = pushStoredLimits(prisma, engine, { logger, signal: stop.signal }).catch(
    (error: unknown) => {
      logger.error({ err: error }, 'pushing stored risk limits to the engine failed');
    },
  );
  return {
    close: async () => {
      stop.abort();
      await running;
    },
  };
}
