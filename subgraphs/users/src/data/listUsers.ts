import type { PrismaClient } from '@mib/db';
import { pageQuery, toConnection, type ConnectionArguments } from '@mib/subgraph-kit';

/** One page of users, oldest first (ties broken by id so pages never overlap). */
export async function listUsers(prisma: PrismaClient, args: ConnectionArguments) {
  const page = pageQuery(args);
  const rows = await prisma.user.findMany({ ...page, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return toConnection(rows, page);
}
