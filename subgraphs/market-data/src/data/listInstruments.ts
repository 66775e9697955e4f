import type { AssetClass, Prisma, PrismaClient } from '@mib/db';
import { pageQuery, pageWhere, toConnection, type ConnectionArguments } from '@mib/subgraph-kit';

/** Symbols are unique, so this order is total. */
const bySymbol = [{ symbol: 'asc' }] satisfies Prisma.InstrumentOrderByWithRelationInput[];

/** One page of instruments ordered by symbol, optionally of one asset class. */
export async function listInstruments(
  prisma: PrismaClient,
  args: ConnectionArguments & { assetClass?: AssetClass | null | undefined },
) {
  const page = pageQuery(args);
  const where = await pageWhere<Prisma.InstrumentWhereInput>(
    args.assetClass ? { assetClass: args.assetClass } : {},
    page,
    bySymbol,
    (id) => prisma.instrument.findUnique({ where: { id } }),
  );
  const rows = where ? await prisma.instrument.findMany({ where, orderBy: bySymbol, take: page.take }) : [];
  return toConnection(rows, page);
}
