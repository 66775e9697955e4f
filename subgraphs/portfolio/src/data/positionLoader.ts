import DataLoader from 'dataloader';
import type { Position, PrismaClient } from '@mib/db';

export type PositionLoader = DataLoader<string, Position | null>;

/** Batches position lookups (entity references from the gateway) into one query per request. */
export function createPositionLoader(prisma: PrismaClient): PositionLoader {
  return new DataLoader(async (ids) => {
    const positions = await prisma.position.findMany({ where: { id: { in: [...ids] } } });
    const byId = new Map(positions.map((position) => [position.id, position]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
