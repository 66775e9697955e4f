import type { Identity } from '@mib/auth';
import type { PrismaClient } from '@mib/db';
import { ordersRuntimeOf, type OrdersRuntime } from './ordersRuntime.js';
import { createInstrumentOfOrderLoader, type InstrumentOfOrderLoader } from './data/instrumentOfOrder.js';
import { createOrderLoader, type OrderLoader } from './data/orderLoader.js';
import { createTradeLoader, type TradeLoader } from './data/tradeLoader.js';
import { createTradesByOrderLoader, type TradesByOrderLoader } from './data/tradesByOrderLoader.js';
import { createUserOrdersLoader, type UserOrdersLoader } from './data/userOrdersLoader.js';
import { createUserTradesLoader, type UserTradesLoader } from './data/userTradesLoader.js';

export interface OrdersContext {
  readonly prisma: PrismaClient;
  /** Who is calling (null: anonymous). */
  readonly identity: Identity | null;
  readonly runtime: OrdersRuntime;
  readonly orderById: OrderLoader;
  readonly tradeById: TradeLoader;
  readonly tradesByOrderId: TradesByOrderLoader;
  readonly ordersOfUser: UserOrdersLoader;
  readonly tradesOfUser: UserTradesLoader;
  readonly instrumentOf: InstrumentOfOrderLoader;
}

/**
 * A fresh context per request: loaders cache only within one request. The runtime, with the
 * engine when the subgraph trades, was made by the subgraph's start (see `ordersRuntimeOf`).
 */
export function createOrdersContext(prisma: PrismaClient, identity: Identity | null = null): OrdersContext {
  const runtime = ordersRuntimeOf(prisma);
  return {
    prisma,
    identity,
    runtime,
    orderById: createOrderLoader(prisma),
    tradeById: createTradeLoader(prisma),
    tradesByOrderId: createTradesByOrderLoader(prisma),
    ordersOfUser: createUserOrdersLoader(prisma),
    tradesOfUser: createUserTradesLoader(prisma),
    instrumentOf: createInstrumentOfOrderLoader(runtime.catalog),
  };
}
