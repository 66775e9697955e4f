import type { OrderSide, OrderType, PrismaClient } from '@mib/db';
import type { EngineClient } from '@mib/engine';
import { parseId, type InstrumentCatalog } from '@mib/subgraph-kit';
import { mirrorOrder } from '../data/mirrorOrder.js';
import { orderIdOf } from '../engineMirror/engineIds.js';
import { NOTHING_FILLED } from '../engineMirror/fillsAverage.js';
import { mirrorOfReport } from '../engineMirror/fromReport.js';
import { isTradingOutcome, rejected, type OrderCommandResult } from './orderCommandResult.js';
import { checkClientOrderId, checkPriceForType, checkQuantity, tradableInstrument } from './orderInput.js';

export interface PlaceOrderInput {
  readonly instrumentId: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly price?: string | null | undefined;
  readonly quantity: string;
  readonly selfTradePrevention?:
    'NONE' | 'CANCEL_RESTING' | 'CANCEL_INCOMING' | 'CANCEL_BOTH' | null | undefined;
  readonly clientOrderId?: string | null | undefined;
}

const STP_ON_THE_WIRE = {
  NONE: 'STP_NONE',
  CANCEL_RESTING: 'STP_CANCEL_RESTING',
  CANCEL_INCOMING: 'STP_CANCEL_INCOMING',
  CANCEL_BOTH: 'STP_CANCEL_BOTH',
} as const;

/**
 * Sends a new order to the engine for `userId` and mirrors what the engine made of it, so the
 * caller reads its own write. Malformed input is a `BAD_USER_INPUT` error before anything is sent.
 * A retry with the same `clientOrderId` gets the engine's first answer again (same engine order
 * id), and mirroring it again is a no-op: the row is keyed by that id and guarded by sequence.
 */
export async function placeOrder(
  services: { prisma: PrismaClient; engine: EngineClient; catalog: InstrumentCatalog },
  userId: string,
  input: PlaceOrderInput,
): Promise<OrderCommandResult> {
  const instrument = await tradableInstrument(services.catalog, parseId(input.instrumentId, 'instrumentId'));
  const price = checkPriceForType(input.type, input.price);
  const quantity = checkQuantity(input.quantity);
  const clientOrderId = checkClientOrderId(input.clientOrderId);
  const result = await services.engine.submitOrder({
    symbol: instrument.symbol,
    accountId: userId,
    side: input.side,
    type: input.type,
    price: price ?? '',
    quantity,
    stp: STP_ON_THE_WIRE[input.selfTradePrevention ?? 'CANCEL_RESTING'],
    clientOrderId,
  });
  const at = new Date();
  if (result.kind === 'accepted') {
    // A retry is answered with the first order of its `clientOrderId`, which is of the first
    // request's instrument, whatever this one names.
    const ordered =
      result.report.symbol === instrument.symbol
        ? instrument
        : await services.catalog.bySymbolName(result.report.symbol);
    if (!ordered) return { __typename: 'OrderAccepted', orderId: orderIdOf(result.report.orderId) };
    const orderId = await mirrorOrder(
      services.prisma,
      mirrorOfReport(result.report, { userId, instrumentId: ordered.id, before: NOTHING_FILLED, at }),
    );
    return { __typename: 'OrderAccepted', orderId };
  }
  const { rejection } = result;
  if (!isTradingOutcome(rejection) || rejection.orderId === '') return rejected(rejection);
  const orderId = await mirrorOrder(services.prisma, {
    engineOrderId: rejection.orderId,
    userId,
    instrumentId: instrument.id,
    side: input.side,
    type: input.type,
    status: 'REJECTED',
    price,
    quantity,
    filledQuantity: '0',
    average: null,
    rejectReason: rejection.reason,
    sequence: 0,
    at,
  });
  return rejected(rejection, orderId);
}
