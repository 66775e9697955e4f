import DataLoader from 'dataloader';
import type { PrismaClient, User } from '@mib/db';

export type UserLoader = DataLoader<string, User | null>;

/** Batches every user lookup of one request (entity references included) into one query. */
export function createUserLoader(prisma: PrismaClient): UserLoader {
  return new DataLoader(async (ids) => {
    const users = await prisma.user.findMany({ where: { id: { in: [...ids] } } });
    const byId = new Map(users.map((user) => [user.id, user]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
