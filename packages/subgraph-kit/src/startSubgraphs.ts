import type { CallerTokens } from '@mib/auth';
import type { PrismaClient } from '@mib/db';
import type { Logger } from '@mib/telemetry';
import type { DatabaseSubgraph } from './databaseSubgraph.js';
import type { PlatformServices } from './platformServices.js';
import type { RunningService } from './startSubgraph.js';

/** Several subgraphs in one process (the embedded default and end-to-end tests). */
export interface RunningSubgraphs {
  /** Subgraph name → its GraphQL URL, as the gateway wants them. */
  readonly urls: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

/**
 * Starts each subgraph over the same database, on `portOf(name)` (0: a free port).
 * If one fails to start, the ones already started are stopped before the error is rethrown.
 */
export async function startSubgraphs(
  subgraphs: readonly DatabaseSubgraph[],
  prisma: PrismaClient,
  options: {
    logger: Logger;
    portOf: (name: string) => number;
    host?: string;
    production?: boolean;
    /** The gateway's caller-token secrets, shared by every subgraph. */
    callerTokens: CallerTokens;
    /** Event bus and engine; without them subgraphs serve queries only (no consumers, no commands). */
    services?: PlatformServices;
  },
): Promise<RunningSubgraphs> {
  const running: RunningService[] = [];
  const stop = async () => {
    await Promise.all(running.map((service) => service.stop()));
  };
  try {
    for (const subgraph of subgraphs) {
      running.push(
        await subgraph.start(
          prisma,
          {
            port: options.portOf(subgraph.name),
            logger: options.logger,
            callerTokens: options.callerTokens,
            ...(options.host === undefined ? {} : { host: options.host }),
            ...(options.production === undefined ? {} : { production: options.production }),
          },
          options.services,
        ),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls: Object.fromEntries(running.map((service) => [service.name, service.url])), stop };
}
