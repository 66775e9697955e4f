import { afterAll, beforeAll } from 'vitest';
import type { Identity } from '@mib/auth';
import { subgraphRequest, testIdentity } from '@mib/subgraph-kit/testing';
import { startTradingFixture, type TradingFixture } from './tradingFixture.js';

const PLACE = `mutation($input: PlaceOrderInput!) {
  placeOrder(input: $input) { __typename ... on OrderAccepted { order { id status } } }
}`;

const CANCEL_ALL = `mutation($instrumentId: ID, $userId: ID) {
  cancelAllOrders(instrumentId: $instrumentId, userId: $userId) {
    cancelled { id status filledQuantity instrument { id } }
    notCancelled { reason }
  }
}`;

export interface CancelAllResult {
  cancelAllOrders: {
    cancelled: { id: string; status: string; filledQuantity: string; instrument: { id: string } }[];
    notCancelled: { reason: string }[];
  };
}

export interface LimitOrder {
  instrumentId: string;
  side: 'BUY' | 'SELL';
  price: string;
  quantity: string;
}

/**
 * What the cancel-all tests do through a trading fixture's subgraph and engine. `fixture` is
 * asked for on each call, so the helpers can be made before `beforeAll` starts it.
 */
export function cancelAllClient(fixture: () => TradingFixture) {
  /** cancelAllOrders as `caller` (null: anonymous), with the arguments given. */
  const cancelAllAs = (caller: Identity | null, args: { instrumentId?: string; userId?: string } = {}) =>
    subgraphRequest<CancelAllResult>(fixture().subgraph.url, CANCEL_ALL, args, caller);

  return {
    cancelAllAs,
    /** cancelAllOrders of the caller's own orders, as `userId` in `role` (null: anonymous). */
    cancelAll: (userId: string | null, instrumentId?: string, role: 'trader' | 'analyst' = 'trader') =>
      cancelAllAs(
        userId === null ? null : testIdentity(userId, role),
        instrumentId === undefined ? {} : { instrumentId },
      ),

    /** Places a limit order for `userId` through the subgraph and returns its id and status. */
    placeLimit: async (userId: string, order: LimitOrder): Promise<{ id: string; status: string }> => {
      const response = await subgraphRequest<{ placeOrder: { order?: { id: string; status: string } } }>(
        fixture().subgraph.url,
        PLACE,
        { input: { ...order, type: 'LIMIT' } },
        testIdentity(userId),
      );
      const placed = response.data?.placeOrder.order;
      if (!placed) throw new Error(JSON.stringify(response));
      return placed;
    },

    statusOf: async (id: string) =>
      (await fixture().db.prisma.order.findUniqueOrThrow({ where: { id } })).status,

    /** Bid levels of a symbol on the engine's book, as `price:quantity`. */
    bids: async (symbol: string) =>
      (await fixture().engine.getOrderBook(symbol, 50)).bids.map(
        (level) => `${level.price}:${level.quantity}`,
      ),
  };
}

/**
 * A cancel-all test file's set-up: a trading fixture started before its tests and stopped after
 * them (`fixture()`, which fails until it has started), and `cancelAllClient` over it.
 */
export function cancelAllSuite() {
  let started: TradingFixture | undefined;
  beforeAll(async () => {
    started = await startTradingFixture();
  });
  afterAll(async () => {
    await started?.[Symbol.asyncDispose]();
  });
  const fixture = (): TradingFixture => {
    if (!started) throw new Error('the trading fixture starts in beforeAll');
    return started;
  };
  return { fixture, ...cancelAllClient(fixture) };
}
