import { seedDemoData } from '@mib/db';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import { startSubgraphs, type RunningSubgraphs } from '@mib/subgraph-kit';
import { marketDataSubgraph } from '@mib/subgraph-market-data';
import { ordersSubgraph } from '@mib/subgraph-orders';
import { portfolioSubgraph } from '@mib/subgraph-portfolio';
import { riskSubgraph } from '@mib/subgraph-risk';
import { usersSubgraph } from '@mib/subgraph-users';
import { silentLogger } from '@mib/telemetry';
import { startGateway, type RunningGateway } from '../../src/index.js';

/** The whole platform over a fresh, seeded database, every service on a free port. */
export interface PlatformFixture extends AsyncDisposable {
  readonly gateway: RunningGateway;
  readonly subgraphs: RunningSubgraphs;
  readonly db: TestDatabase;
}

export async function startPlatformFixture(): Promise<PlatformFixture> {
  const db = await createTestDatabase();
  await seedDemoData(db.prisma);
  const logger = silentLogger();
  const subgraphs = await startSubgraphs(
    [usersSubgraph, marketDataSubgraph, ordersSubgraph, portfolioSubgraph, riskSubgraph],
    db.prisma,
    { logger, portOf: () => 0 },
  );
  const gateway = await startGateway({ port: 0, logger, subgraphUrls: subgraphs.urls });
  return {
    gateway,
    subgraphs,
    db,
    async [Symbol.asyncDispose]() {
      await gateway.stop();
      await subgraphs.stop();
      await db[Symbol.asyncDispose]();
    },
  };
}
