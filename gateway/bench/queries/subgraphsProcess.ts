/**
 * Child process: some of the five subgraphs (`names`) over the bench's seeded database, with no
 * event bus or engine (the dashboard only reads). Announces `{ type: 'ready', urls }`.
 * Argument: JSON `{ databaseUrl, secret, names }`.
 */
import { createPrismaClient } from '@mib/db';
import { startSubgraphs } from '@mib/subgraph-kit';
import { marketDataSubgraph } from '@mib/subgraph-market-data';
import { ordersSubgraph } from '@mib/subgraph-orders';
import { portfolioSubgraph } from '@mib/subgraph-portfolio';
import { riskSubgraph } from '@mib/subgraph-risk';
import { usersSubgraph } from '@mib/subgraph-users';
import { silentLogger } from '@mib/telemetry';
import { answerParent } from './childProcess.js';
import { benchCallerTokens } from './callerIdentity.js';

// tsx turns source maps on; with them every `new Error().stack` is mapped, and libraries that
// read stacks per request (make-fetch-happen's agent, Prisma's call sites) pay milliseconds.
// Off, as in a compiled deployment, for every process of the bench alike.
process.setSourceMapsEnabled(false);
const { databaseUrl, secret, names } = JSON.parse(process.argv[2] ?? '{}') as {
  databaseUrl: string;
  secret: string;
  /** Which subgraphs this process runs (by name). */
  names: readonly string[];
};
const all = [usersSubgraph, marketDataSubgraph, ordersSubgraph, portfolioSubgraph, riskSubgraph];
const prisma = createPrismaClient(databaseUrl);
const running = await startSubgraphs(
  all.filter((subgraph) => names.includes(subgraph.name)),
  prisma,
  { logger: silentLogger(), portOf: () => 0, callerTokens: benchCallerTokens(secret) },
);
answerParent({ urls: running.urls }, async () => {
  await running.stop();
  await prisma.$disconnect();
});
