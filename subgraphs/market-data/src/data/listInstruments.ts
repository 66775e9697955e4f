import type { AssetClass, PrismaClient } from '@mib/db';
import { pageQuery, toConnection, type ConnectionArguments } from '@mib/subgraph-kit';

/** One page of instruments ordered by symbol, optionally of one asset class. */
export async function listInstruments(
  prisma: PrismaClient,
  args: ConnectionArguments & { assetClass?: AssetClass | null | undefined },
) {
  const page = pageQuery(args);
  const rows = await prisma.instrument.findMany({
    ...page,
    where: args.assetClass ? { assetClass: args.assetClass } : {},
    orderBy: [{ symbol: 'asc' }],
  });
  return toConnection(rows, page);
}
