import type { Prisma, PrismaClient } from '@mib/db';
import { pageQuery, pageWhere, toConnection, type ConnectionArguments } from '@mib/subgraph-kit';

const oldestFirst = [{ createdAt: 'asc' }, { id: 'asc' }] satisfies Prisma.UserOrderByWithRelationInput[];

/** One page of users, oldest first (ties broken by id so pages never overlap). */
export async function listUsers(prisma: PrismaClient, args: ConnectionArguments) {
  const page = pageQuery(args);
  const where = await pageWhere<Prisma.UserWhereInput>({}, page, oldestFirst, (id) =>
    prisma.user.findUnique({ where: { id } }),
  );
  const rows = where ? await prisma.user.findMany({ where, orderBy: oldestFirst, take: page.take }) : [];
  return toConnection(rows, page);
}
