import pMap from 'p-map';
import type { Order, PrismaClient } from '@mib/db';
import type { EngineClient } from '@mib/engine';
import { parseId, type InstrumentCatalog } from '@mib/subgraph-kit';
import { ownOrdersByIds, workingOrdersOf } from '../data/workingOrders.js';
import { cancelOwnOrder } from './changeOrder.js';
import type { OrderCommandResult } from './orderCommandResult.js';
import { knownInstrument } from './orderInput.js';
import type { OwnOpenOrder } from './ownOpenOrder.js';

type Services = { prisma: PrismaClient; engine: EngineClient; catalog: InstrumentCatalog };

/**
 * Cancels in flight at once. Each holds a database connection while it mirrors the engine's
 * answer: 8 keeps the engine's queue fed and leaves most of a pool of 10 (node-postgres'
 * default) to the other requests.
 */
const CANCELS_IN_FLIGHT = 8;

/** What a cancel-all came to, as the schema's `CancelAllOrdersResult` wants it. */
export interface CancelAllOrdersOutcome {
  /** The orders the engine cancelled, as now recorded, oldest first. */
  cancelled: Order[];
  /** The engine's refusals (`OrderRejected`), oldest order first. */
  notCancelled: OrderCommandResult[];
}

/** One cancel: the engine's answer, or the failure of a call it did not answer. */
type CancelAttempt = { readonly result: OrderCommandResult } | { readonly error: unknown };

/**
 * Cancels every order of `userId`'s recorded as working, or only those of `instrumentId`. The
 * engine cannot list an account's orders, so the read model says which; placeOrder records an
 * order before it answers OrderAccepted, so every order accepted before this call is among them. Each cancel is
 * `cancelOrder`'s (engine call as the caller's account, answer mirrored), `CANCELS_IN_FLIGHT` at
 * a time. A second call finds the cancelled orders recorded as CANCELLED and sends nothing.
 */
export async function cancelAllOrders(
  services: Services,
  userId: string,
  instrumentId: string | null | undefined,
): Promise<CancelAllOrdersOutcome> {
  const instrument =
    instrumentId == null
      ? null
      : await knownInstrument(services.catalog, parseId(instrumentId, 'instrumentId'));
  const working = await workingOrdersOf(services.prisma, userId, instrument?.id ?? null);
  const targets = await addressedOnTheEngine(services.catalog, working);
  // Every cancel is tried whatever becomes of the others: a kill switch must not stop halfway.
  const attempts = await pMap(
    targets,
    (target) =>
      cancelOwnOrder(services, userId, target).then(
        (result): CancelAttempt => ({ result }),
        (error: unknown): CancelAttempt => ({ error }),
      ),
    { concurrency: CANCELS_IN_FLIGHT },
  );
  const failures = attempts.flatMap((attempt) => ('error' in attempt ? [attempt.error] : []));
  if (failures.length > 0)
    throw new AggregateError(
      failures,
      `${failures.length} of ${attempts.length} cancels failed; the rest were made`,
    );
  const results = attempts.flatMap((attempt) => ('result' in attempt ? [attempt.result] : []));
  const cancelledIds = results.flatMap((result) =>
    result.__typename === 'OrderCancelled' ? [result.orderId] : [],
  );
  return {
    cancelled: await ownOrdersByIds(services.prisma, userId, cancelledIds),
    notCancelled: results.filter((result) => result.__typename === 'OrderRejected'),
  };
}

/** The orders with what the engine names them by, its order id and the symbol (one catalogue read). */
async function addressedOnTheEngine(
  catalog: InstrumentCatalog,
  orders: readonly Order[],
): Promise<OwnOpenOrder[]> {
  const instruments = await catalog.byInstrumentIds([...new Set(orders.map((order) => order.instrumentId))]);
  const symbols = new Map(
    instruments.flatMap((instrument) => (instrument ? [[instrument.id, instrument.symbol]] : [])),
  );
  return orders.flatMap((order) => {
    const symbol = symbols.get(order.instrumentId);
    // Instruments are never deleted from the catalogue, but without a symbol no cancel can be routed.
    if (order.engineOrderId === null || symbol === undefined) return [];
    return [{ order, engineOrderId: order.engineOrderId.toString(), symbol }];
  });
}
