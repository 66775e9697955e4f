import type { PrismaClient } from '@mib/db';
import { pageQuery, toConnection, type ConnectionArguments } from '@mib/subgraph-kit';

/**
 * One page of a portfolio's positions, by instrument. (portfolioId, instrumentId) is unique,
 * so the order is total and keyset pages on `id` never overlap.
 */
export async function listPositions(prisma: PrismaClient, portfolioId: string, args: ConnectionArguments) {
  const page = pageQuery(args);
  const rows = await prisma.position.findMany({
    where: { portfolioId },
    orderBy: [{ instrumentId: 'asc' }, { id: 'asc' }],
    ...page,
  });
  return toConnection(rows, page);
}
