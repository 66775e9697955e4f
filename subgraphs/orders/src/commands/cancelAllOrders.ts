import { Decimal, type Order, type PrismaClient } from '@mib/db';
import type { EngineClient, OrderReport } from '@mib/engine';
import { parseId, type InstrumentCatalog } from '@mib/subgraph-kit';
import { mirrorOrder } from '../data/mirrorOrder.js';
import { ownOrdersByIds } from '../data/workingOrders.js';
import { orderIdOf } from '../engineMirror/engineIds.js';
import { mirrorOfReport, NOTHING_FILLED } from '../engineMirror/fromReport.js';
import type { OrderCommandResult } from './orderCommandResult.js';
import { knownInstrument } from './orderInput.js';

type Services = { prisma: PrismaClient; engine: EngineClient; catalog: InstrumentCatalog };

/** What a cancel-all came to, as the schema's `CancelAllOrdersResult` wants it. */
export interface CancelAllOrdersOutcome {
  /** The orders the engine cancelled, as now recorded, oldest first. */
  cancelled: Order[];
  /** Always empty: the engine cancels whatever of the account's is on its books, refusing none. */
  notCancelled: OrderCommandResult[];
}

/**
 * Cancels every order of `userId`'s on the engine's books, or only those of `instrumentId`, in
 * one engine call (CancelAllOrders): each shard takes all of the account's orders off in one
 * step, so any order the engine accepted before the call, recorded here yet or not, is cancelled.
 * The engine's reports are then mirrored, as cancelOrder mirrors its one report.
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
  const reports = await services.engine.cancelAllOrders({
    accountId: userId,
    symbol: instrument?.symbol ?? '',
  });
  const mirrored = await mirrorCancelled(services, userId, reports);
  return { cancelled: await ownOrdersByIds(services.prisma, userId, mirrored), notCancelled: [] };
}

/**
 * Mirrors each cancelled order's report onto its row and returns the rows' ids. An order not
 * recorded yet (its placeOrder has not answered) is recorded from the report when nothing of it
 * had filled; one that had filled is left to its placeOrder and the engine's events, since the
 * average price of its fills is not in a cancel's report.
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
  const mirrored: string[] = [];
  for (const report of reports) {
    const row = recorded.get(orderIdOf(report.orderId));
    const instrumentId = row?.instrumentId ?? instrumentIdOf.get(report.symbol);
    if (row === undefined && !new Decimal(report.filledQuantity).isZero()) continue;
    if (instrumentId === undefined) continue;
    mirrored.push(
      await mirrorOrder(
        services.prisma,
        mirrorOfReport(report, { userId, instrumentId, before: row ?? NOTHING_FILLED, at }),
      ),
    );
  }
  return mirrored;
}
