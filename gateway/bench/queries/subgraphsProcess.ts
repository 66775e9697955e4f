/**
 * Child process: the five subgraphs over the bench's seeded database, with no event bus or
 * engine (the dashboard only reads). Sends `{ type: 'ready', urls }`, stops on 'stop'.
 * Argument: JSON `{ databaseUrl, secret }`.
 */
import { createPrismaClient } from '@mib/db';
import { startSubgraphs } from '@mib/subgraph-kit';
import { marketDataSubgraph } from '@mib/subgraph-market-data';
import { ordersSubgraph } from '@mib/subgraph-orders';
import { portfolioSubgraph } from '@mib/subgraph-portfolio';
import { riskSubgraph } from '@mib/subgraph-risk';
import { usersSubgraph } from '@mib/subgraph-users';
import { silentLogger } from '@mib/telemetry';
import { benchCallerTokens } from './callerIdentity.js';

const { databaseUrl, secret } = JSON.parse(process.argv[2] ?? '{}') as {
  databaseUrl: string;
  secret: string;
};
const prisma = createPrismaClient(databaseUrl);
const running = await startSubgraphs(
  [usersSubgraph, marketDataSubgraph, ordersSubgraph, portfolioSubgraph, riskSubgraph],
  prisma,
  { logger: silentLogger(), portOf: () => 0, callerTokens: benchCallerTokens(secret) },
);
process.send?.({ type: 'ready', urls: running.urls });
process.on('message', (message) => {
  if (message !== 'stop') return;
  void running
    .stop()
    .then(() => prisma.$disconnect())
    .then(() => process.exit(0));
});
