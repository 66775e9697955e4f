import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoInstrumentId, DEMO_TRADER_ID } from '@mib/db';
import type { OrderReport } from '@mib/engine';
import { createEvent, type TradingEvent } from '@mib/events';
import { InstrumentCatalog } from '@mib/subgraph-kit';
import { silentLogger } from '@mib/telemetry';
import { mirrorOrder } from '../src/data/mirrorOrder.js';
import { orderIdOf } from '../src/engineMirror/engineIds.js';
import { NOTHING_FILLED } from '../src/engineMirror/fillsAverage.js';
import { mirrorOfReport } from '../src/engineMirror/fromReport.js';
import { applyOrdersEvent } from '../src/readModel/applyOrdersEvent.js';
import { startTradingFixture, type TradingFixture } from './tradingFixture.js';

let fixture: TradingFixture;

beforeAll(async () => {
  fixture = await startTradingFixture();
});

afterAll(async () => {
  await fixture[Symbol.asyncDispose]();
});

const SYMBOL = 'AAPL';
/** One stream (orders/AAPL/0) for the whole file: its sequences must only grow from test to test. */
let lastSequence = 0;

/** A buy of 10 at 110 with engine id `orderId`, and the engine's events and reports about it. */
function restingBuy(orderId: string) {
  const terms = {
    orderId,
    accountId: DEMO_TRADER_ID,
    symbol: SYMBOL,
    requestId: null,
    side: 'BUY' as const,
    orderType: 'LIMIT' as const,
    price: '110',
    quantity: '10',
  };
  const origin = (sequence: number) => ({
    source: 'engine',
    shard: 0,
    sequence,
    occurredAt: new Date(Date.UTC(2026, 10, 25, 10, 0, 0, sequence)).toISOString(),
  });
  const filled = (quantity: string) => ({
    filledQuantity: quantity,
    leavesQuantity: String(10 - Number(quantity)),
  });
  return {
    id: orderIdOf(orderId),
    /** A fresh sequence of the stream, above every one used before. */
    sequence: () => ++lastSequence,
    accepted: (sequence: number): TradingEvent =>
      createEvent('order.accepted', { ...terms, ...filled('0') }, origin(sequence)),
    fill: (sequence: number, fill: { price: string; quantity: string; filled: string }): TradingEvent =>
      createEvent(
        fill.filled === '10' ? 'order.filled' : 'order.partially_filled',
        {
          ...terms,
          ...filled(fill.filled),
          tradeId: `${orderId}${sequence}`,
          lastFillPrice: fill.price,
          lastFillQuantity: fill.quantity,
        },
        origin(sequence),
      ),
    cancelled: (sequence: number, filledQuantity: string): TradingEvent =>
      createEvent(
        'order.cancelled',
        { ...terms, filledQuantity, leavesQuantity: '0', reason: 'USER_REQUESTED' },
        origin(sequence),
      ),
    report: (
      sequence: number,
      state: { status: OrderReport['status']; filled: string; fills?: { price: string; quantity: string }[] },
    ): OrderReport => ({
      orderId,
      symbol: SYMBOL,
      accountId: DEMO_TRADER_ID,
      side: 'BUY',
      type: 'LIMIT',
      status: state.status,
      price: '110',
      quantity: '10',
      filledQuantity: state.filled,
      leavesQuantity: state.status === 'CANCELLED' ? '0' : String(10 - Number(state.filled)),
      fills: (state.fills ?? []).map((fill, index) => ({
        ...fill,
        tradeId: `${sequence}${index}`,
        makerOrderId: '1',
      })),
      shard: 0,
      sequence: String(sequence),
    }),
  };
}

type Order = ReturnType<typeof restingBuy>;

/** The order's row as a reader sees it: status, filled quantity and average price. */
async function rowOf(order: Order) {
  const row = await fixture.db.prisma.order.findUnique({ where: { id: order.id } });
  return (
    row && { status: row.status, filled: row.filledQuantity.toFixed(), average: row.averagePrice?.toFixed() }
  );
}

/** Waits until the consumer has brought the order's row to `expected`. */
async function rowBecomes(order: Order, expected: Awaited<ReturnType<typeof rowOf>>) {
  await expect.poll(() => rowOf(order), { timeout: 15_000 }).toEqual(expected);
}

/** Mirrors a command's report as the mutations do: `before` is the stored row, if any. */
async function mirrorReport(order: Order, report: OrderReport) {
  const row = await fixture.db.prisma.order.findUnique({ where: { id: order.id } });
  await mirrorOrder(
    fixture.db.prisma,
    mirrorOfReport(report, {
      userId: DEMO_TRADER_ID,
      instrumentId: demoInstrumentId(SYMBOL),
      before: row ?? NOTHING_FILLED,
      at: new Date(),
    }),
  );
}

/** Applies events straight to the read model, past the consumer's marks (as a replay from scratch would). */
async function applyAgain(events: readonly TradingEvent[]) {
  const catalog = new InstrumentCatalog(fixture.db.prisma);
  for (const event of events)
    await fixture.db.prisma.$transaction((tx) =>
      applyOrdersEvent(event, tx, { catalog, logger: silentLogger() }),
    );
}

describe('the average price of an order cancelled before its fills were applied', () => {
  it('is the fill price once the fill event arrives after the cancel is mirrored', async () => {
    const order = restingBuy('800001');
    const [placed, filled, cancelled] = [order.sequence(), order.sequence(), order.sequence()];
    await fixture.events.publish([order.accepted(placed)]);
    await rowBecomes(order, { status: 'OPEN', filled: '0', average: undefined });
    await mirrorReport(order, order.report(cancelled, { status: 'CANCELLED', filled: '5' }));
    expect(await rowOf(order)).toEqual({ status: 'CANCELLED', filled: '5', average: undefined });

    await fixture.events.publish([
      order.fill(filled, { price: '101', quantity: '5', filled: '5' }),
      order.cancelled(cancelled, '5'),
    ]);
    await rowBecomes(order, { status: 'CANCELLED', filled: '5', average: '101' });
  });

  it('is the volume-weighted price of several fills applied after the cancel, and stays so on replay', async () => {
    const order = restingBuy('800002');
    const [placed, first, second, cancelled] = [
      order.sequence(),
      order.sequence(),
      order.sequence(),
      order.sequence(),
    ];
    await fixture.events.publish([order.accepted(placed)]);
    await rowBecomes(order, { status: 'OPEN', filled: '0', average: undefined });
    await mirrorReport(order, order.report(cancelled, { status: 'CANCELLED', filled: '5' }));

    const events = [
      order.fill(first, { price: '101', quantity: '3', filled: '3' }),
      order.fill(second, { price: '106', quantity: '2', filled: '5' }),
      order.cancelled(cancelled, '5'),
    ];
    await fixture.events.publish(events);
    // (3 × 101 + 2 × 106) / 5
    await rowBecomes(order, { status: 'CANCELLED', filled: '5', average: '103' });

    const settled = await fixture.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    await fixture.events.publish([order.accepted(placed), ...events]);
    await applyAgain([order.accepted(placed), ...events]);
    await applyAgain(events.slice(1));
    await mirrorReport(order, order.report(cancelled, { status: 'CANCELLED', filled: '5' }));
    expect(await fixture.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toEqual(settled);
  });

  it('is unchanged when the fills were applied before the cancel', async () => {
    const order = restingBuy('800003');
    const [placed, first, second, cancelled] = [
      order.sequence(),
      order.sequence(),
      order.sequence(),
      order.sequence(),
    ];
    await fixture.events.publish([
      order.accepted(placed),
      order.fill(first, { price: '101', quantity: '3', filled: '3' }),
      order.fill(second, { price: '106', quantity: '2', filled: '5' }),
    ]);
    await rowBecomes(order, { status: 'PARTIALLY_FILLED', filled: '5', average: '103' });
    await mirrorReport(order, order.report(cancelled, { status: 'CANCELLED', filled: '5' }));
    expect(await rowOf(order)).toEqual({ status: 'CANCELLED', filled: '5', average: '103' });
    await fixture.events.publish([order.cancelled(cancelled, '5')]);
    await applyAgain([order.cancelled(cancelled, '5')]);
    expect(await rowOf(order)).toEqual({ status: 'CANCELLED', filled: '5', average: '103' });
  });
});

describe('the average price of an order that traded as taker and then as maker', () => {
  // Placed at 110 against asks of 4 at 100 and 2 at 101, it rests with 4 left; then 4 fill at 99:
  // (4 × 100 + 2 × 101 + 4 × 99) / 10.
  const takerFills = [
    { price: '100', quantity: '4' },
    { price: '101', quantity: '2' },
  ];

  it('averages all its fills when placeOrder mirrors before the consumer applies its events', async () => {
    const order = restingBuy('800004');
    const [placed, taken1, taken2, made] = [
      order.sequence(),
      order.sequence(),
      order.sequence(),
      order.sequence(),
    ];
    await mirrorReport(
      order,
      order.report(taken2, { status: 'PARTIALLY_FILLED', filled: '6', fills: takerFills }),
    );
    expect(await rowOf(order)).toEqual({ status: 'PARTIALLY_FILLED', filled: '6', average: '100.33333333' });
    await fixture.events.publish([
      order.accepted(placed),
      order.fill(taken1, { ...takerFills[0]!, filled: '4' }),
      order.fill(taken2, { ...takerFills[1]!, filled: '6' }),
      order.fill(made, { price: '99', quantity: '4', filled: '10' }),
    ]);
    await rowBecomes(order, { status: 'FILLED', filled: '10', average: '99.8' });
  });

  it('averages all its fills when placeOrder mirrors after the consumer applied its taker fills', async () => {
    const order = restingBuy('800005');
    const [placed, taken1, taken2, made] = [
      order.sequence(),
      order.sequence(),
      order.sequence(),
      order.sequence(),
    ];
    await fixture.events.publish([
      order.accepted(placed),
      order.fill(taken1, { ...takerFills[0]!, filled: '4' }),
      order.fill(taken2, { ...takerFills[1]!, filled: '6' }),
    ]);
    await rowBecomes(order, { status: 'PARTIALLY_FILLED', filled: '6', average: '100.33333333' });
    await mirrorReport(
      order,
      order.report(taken2, { status: 'PARTIALLY_FILLED', filled: '6', fills: takerFills }),
    );
    await fixture.events.publish([order.fill(made, { price: '99', quantity: '4', filled: '10' })]);
    await rowBecomes(order, { status: 'FILLED', filled: '10', average: '99.8' });
  });

  it('averages a maker fill still in flight when an amend trades as taker', async () => {
    const order = restingBuy('800006');
    const [placed, made, amended] = [order.sequence(), order.sequence(), order.sequence()];
    await fixture.events.publish([order.accepted(placed)]);
    await rowBecomes(order, { status: 'OPEN', filled: '0', average: undefined });
    // The amend's report knows 5 filled before it, but not at what price: no average yet.
    await mirrorReport(
      order,
      order.report(amended, {
        status: 'PARTIALLY_FILLED',
        filled: '8',
        fills: [{ price: '102', quantity: '3' }],
      }),
    );
    expect(await rowOf(order)).toEqual({ status: 'PARTIALLY_FILLED', filled: '8', average: undefined });
    await fixture.events.publish([
      order.fill(made, { price: '100', quantity: '5', filled: '5' }),
      order.fill(amended, { price: '102', quantity: '3', filled: '8' }),
    ]);
    // (5 × 100 + 3 × 102) / 8
    await rowBecomes(order, { status: 'PARTIALLY_FILLED', filled: '8', average: '100.75' });
  });
});
