import type { Order, PrismaClient } from '@mib/db';
import { badUserInput, notFound } from '@mib/errors';
import { parseId, type InstrumentCatalog } from '@mib/subgraph-kit';

export interface OwnOpenOrder {
  readonly order: Order;
  readonly engineOrderId: string;
  readonly symbol: string;
}

/**
 * The caller's order that is still on the book. Someone else's order is reported as not found,
 * exactly like a missing one, so ids of other users' orders cannot be probed.
 */
export async function ownOpenOrder(
  services: { prisma: PrismaClient; catalog: InstrumentCatalog },
  userId: string,
  id: string,
): Promise<OwnOpenOrder> {
  const order = await services.prisma.order.findUnique({ where: { id: parseId(id) } });
  if (!order || order.userId !== userId) throw notFound('Order', id);
  if (order.status !== 'OPEN' && order.status !== 'PARTIALLY_FILLED')
    throw badUserInput(`Order ${id} is ${order.status.toLowerCase()} and no longer on the book`, 'id');
  const instrument = await services.catalog.byInstrumentId(order.instrumentId);
  if (order.engineOrderId === null || !instrument)
    throw badUserInput(`Order ${id} never reached the engine`, 'id');
  return { order, engineOrderId: order.engineOrderId.toString(), symbol: instrument.symbol };
}
