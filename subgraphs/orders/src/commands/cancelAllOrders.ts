import pMap from 'p-map';
import { requireOwner, type Identity } from '@mib/auth';
import type { Order, PrismaClient } from '@mib/db';
import type { EngineClient, OrderReport } from '@mib/engine';
import { parseId, type InstrumentCatalog } from '@mib/subgraph-kit';
import type { Logger } from '@mib/telemetry';
import { mirrorOrder } from '../data/mirrorOrder.js';
import { ownOrdersByIds } from '../data/workingOrders.js';
import { orderIdOf } from '../engineMirror/engineIds.js';
import { NOTHING_FILLED } from '../engineMirror/fillsAverage.js';
import { mirrorOfReport } from '../engineMirror/fromReport.js';
import type { OrderCommandResult } from './orderCommandResult.js';
import { knownInstrument } from './orderInput.js';

/**
 * Row writes in flight at once: an account may have thousands of orders on the books, and one
 * statement after another would outlast the caller's deadline. 8 leaves most of a pool of 10
 * (node-postgres' default) to other requests.
 */
const MIRRORS_IN_FLIGHT = 8;

type Services = { prisma: PrismaClient; engine: EngineClient; catalog: InstrumentCatalog; logger: Logger };

/** The arguments of the `cancelAllOrders` mutation. */
export interface CancelAllOrdersArguments {
  /** Whose orders: the caller's when absent; another user's only for an admin. */
  readonly userId?: string | null | undefined;
  /** Only the orders of this instrument when given. */
  readonly instrumentId?: string | null | undefined;
}

/** What a cancel-all came to, as the schema's `CancelAllOrdersResult` wants it. */
export interface CancelAllOrdersOutcome {
  /** The orders the engine cancelled, as now recorded, oldest first. */
  cancelled: Order[];
  /** Always empty: the engine cancels whatever of the account's is on its books, refusing none. */
  notCancelled: OrderCommandResult[];
}

/**
 * Cancels every order of the caller's (or, for an admin, of `userId`'s) on the engine's books,
 * or only those of `instrumentId`, in one engine call (CancelAllOrders): each shard takes all of
 * the account's orders off in one step, so any order the engine accepted before the call,
 * recorded here yet or not, is cancelled. The engine's reports are then mirrored, as cancelOrder
 * mirrors its one report. Whose account it may act on is settled before anything else is looked
 * at; an admin stopping another user is logged, an act the risk desk answers for.
 */
export async function cancelAllOrders(
  services: Services,
  caller: Identity,
  { userId: named, instrumentId }: CancelAllOrdersArguments,
): Promise<CancelAllOrdersOutcome> {
  const userId = named == null ? caller.userId : parseId(named, 'userId');
  requireOwner(caller, userId);
  const instrument =
    instrumentId == null
      ? null
      : await knownInstrument(services.catalog, parseId(instrumentId, 'instrumentId'));
  const onBehalf = userId !== caller.userId;
  const audit = { adminId: caller.userId, userId, instrumentId: instrument?.id ?? null };
  // Logged before the engine is asked, so that a call failing after the engine acted (a deadline,
  // a shard failing after others cancelled) still leaves a trace; then what it came to.
  if (onBehalf) services.logger.info(audit, 'an admin is cancelling the orders of another user');
  const reports = await services.engine
    .cancelAllOrders({ accountId: userId, symbol: instrument?.symbol ?? '' })
    .catch((error: unknown) => {
      if (onBehalf) services.logger.warn({ ...audit, err: error }, "an admin's cancel-all failed");
      throw error;
    });
  if (onBehalf)
    services.logger.info(
      { ...audit, cancelled: reports.length },
      'an admin cancelled the orders of another user',
    );
  const mirrored = await mirrorCancelled(services, userId, reports);
  return { cancelled: await ownOrdersByIds(services.prisma, userId, mirrored), notCancelled: [] };
}

/**
 * Mirrors each cancelled order's report onto its row and returns the rows' ids. An order not
 * recorded yet (its placeOrder has not answered) is recorded from the report; if it had filled,
 * its average price comes later, from its placeOrder's answer and the engine's fill events
 * (the average has its own guard: see mirrorOrder).
 */
async function mirrorCancelled(
  services: Services,
  userId: string,
  reports: readonly OrderReport[],
): Promise<string[]> {
  const ids = reports.map((report) => orderIdOf(report.orderId));
  const recorded = new Map(
    (await ownOrdersByIds(services.prisma, userId, ids)).map((order) => [order.id, order]),
  );
  const unrecorded = reports.filter((report) => !recorded.has(orderIdOf(report.orderId)));
  const instruments = await services.catalog.bySymbolNames([
    ...new Set(unrecorded.map((report) => report.symbol)),
  ]);
  const instrumentIdOf = new Map(instruments.flatMap((known) => (known ? [[known.symbol, known.id]] : [])));
  const at = new Date();
  const mirrors = reports.flatMap((report) => {
    const row = recorded.get(orderIdOf(report.orderId));
    const instrumentId = row?.instrumentId ?? instrumentIdOf.get(report.symbol);
    if (instrumentId === undefined) return [];
    return [mirrorOfReport(report, { userId, instrumentId, before: row ?? NOTHING_FILLED, at })];
  });
  return pMap(mirrors, (mirror) => mirrorOrder(services.prisma, mirror), {
    concurrency: MIRRORS_IN_FLIGHT,
  });
}
