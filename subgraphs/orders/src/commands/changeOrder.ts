import type { PrismaClient } from '@mib/db';
import { badUserInput } from '@mib/errors';
import type { EngineClient, OrderResult } from '@mib/engine';
import type { InstrumentCatalog } from '@mib/subgraph-kit';
import { mirrorOrder } from '../data/mirrorOrder.js';
import { mirrorOfReport } from '../engineMirror/fromReport.js';
import { rejected, type OrderCommandResult } from './orderCommandResult.js';
import { checkQuantity } from './orderInput.js';
import { ownOpenOrder, type OwnOpenOrder } from './ownOpenOrder.js';

type Services = { prisma: PrismaClient; engine: EngineClient; catalog: InstrumentCatalog };

/** Mirrors the engine's answer to a cancel or amend of one of the caller's orders. */
async function settle(
  services: Services,
  target: OwnOpenOrder,
  result: OrderResult,
  outcome: 'OrderCancelled' | 'OrderAmended',
): Promise<OrderCommandResult> {
  if (result.kind === 'rejected') return rejected(result.rejection, target.order.id);
  await mirrorOrder(
    services.prisma,
    mirrorOfReport(result.report, {
      userId: target.order.userId,
      instrumentId: target.order.instrumentId,
      before: target.order,
      at: new Date(),
    }),
  );
  return { __typename: outcome, orderId: target.order.id };
}

/** Takes the rest of one of the caller's orders off the book. */
export async function cancelOrder(
  services: Services,
  userId: string,
  id: string,
): Promise<OrderCommandResult> {
  return cancelOwnOrder(services, userId, await ownOpenOrder(services, userId, id));
}

/**
 * Asks the engine to cancel `target`, an order of `userId`'s, and mirrors its answer. The engine
 * is told the caller as the account, so it refuses (NOT_ORDER_OWNER) an order that is not theirs.
 */
export async function cancelOwnOrder(
  services: Services,
  userId: string,
  target: OwnOpenOrder,
): Promise<OrderCommandResult> {
  const result = await services.engine.cancelOrder({
    symbol: target.symbol,
    accountId: userId,
    orderId: target.engineOrderId,
  });
  return settle(services, target, result, 'OrderCancelled');
}

/**
 * Changes the price and/or open quantity of one of the caller's orders. A smaller quantity keeps
 * its place in the queue; a new price (or more quantity) sends it to the back.
 */
export async function amendOrder(
  services: Services,
  userId: string,
  input: { id: string; price?: string | null | undefined; quantity?: string | null | undefined },
): Promise<OrderCommandResult> {
  if (input.price == null && input.quantity == null)
    throw badUserInput('Give a new price, a new quantity, or both');
  if (input.price != null && Number(input.price) <= 0) throw badUserInput('Price must be positive', 'price');
  const target = await ownOpenOrder(services, userId, input.id);
  const result = await services.engine.amendOrder({
    symbol: target.symbol,
    accountId: userId,
    orderId: target.engineOrderId,
    newPrice: input.price ?? '',
    newQuantity: input.quantity == null ? '' : checkQuantity(input.quantity),
  });
  return settle(services, target, result, 'OrderAmended');
}
