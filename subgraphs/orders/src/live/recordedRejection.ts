import { setTimeout as delay } from 'node:timers/promises';
import type { Order, PrismaClient } from '@mib/db';
import type { EventOf, TradingEvent } from '@mib/events';
import { isTradingOutcome } from '../commands/orderCommandResult.js';
import { orderIdOf } from '../engineMirror/engineIds.js';

/** How often a rejection looks for the row `placeOrder` records: its write follows the engine's answer. */
const RECHECK_MS = 50;

/**
 * A refusal of a new order that `placeOrder` keeps as REJECTED: a risk or matching refusal of a
 * SUBMIT. The engine's `order.rejected` also reports a refused CANCEL or AMEND, which names an
 * existing order that the refusal leaves as it was, and validation refusals, which are not kept.
 */
export const isRecordedRejection = (event: TradingEvent): event is EventOf<'order.rejected'> =>
  event.type === 'order.rejected' &&
  event.payload.command === 'SUBMIT' &&
  isTradingOutcome({ code: event.payload.reasonCode });

/**
 * The REJECTED order `rejection` refused, as `placeOrder` recorded it (the event does not carry the
 * order's terms, so its row is what `User.orders` lists). The row is written once the engine has
 * answered, which may be after the event arrives: it is looked for again every `RECHECK_MS` for
 * up to `timeoutMs`. Undefined when no such row turns up: an order placed past this subgraph, or a
 * row of another order under a reused engine id (a rejection never overwrites one).
 */
export async function recordedRejection(
  prisma: PrismaClient,
  rejection: EventOf<'order.rejected'>,
  timeoutMs: number,
): Promise<Order | undefined> {
  const id = orderIdOf(rejection.payload.orderId);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await prisma.order.findUnique({ where: { id } });
    if (row) return row.status === 'REJECTED' && row.userId === rejection.payload.accountId ? row : undefined;
    if (Date.now() >= deadline) return undefined;
    await delay(RECHECK_MS);
  }
}
