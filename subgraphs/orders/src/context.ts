import type { Identity } from '@mib/auth';
import type { PrismaClient } from '@mib/db';
import type { PlatformServices } from '@mib/subgraph-kit';
import { ordersRuntimeOf, type OrdersRuntime } from './ordersRuntime.js';
import { createOrderLoader, type OrderLoader } from './data/orderLoader.js';
import { createTradeLoader, type TradeLoader } from './data/tradeLoader.js';
import { createTradesByOrderLoader, type TradesByOrderLoader } from './data/tradesByOrderLoader.js';
import { createUserOrdersLoader, type UserOrdersLoader } from './data/userOrdersLoader.js';

export interface OrdersContext {
  readonly prisma: PrismaClient;
  /** Who is calling (null: anonymous). */
  readonly identity: Identity | null;
  readonly runtime: OrdersRuntime;
  readonly orderById: OrderLoader;
  readonly tradeById: TradeLoader;
  readonly tradesByOrderId: TradesByOrderLoader;
  readonly ordersOfUser: UserOrdersLoader;
}

/** A fresh context per request: loaders cache only within one request. */
export const createOrdersContext = (
  prisma: PrismaClient,
  identity: Identity | null = null,
  services?: PlatformServices,
): OrdersContext => ({
  prisma,
  identity,
  runtime: ordersRuntimeOf(prisma, services),
  orderById: createOrderLoader(prisma),
  tradeById: createTradeLoader(prisma),
  tradesByOrderId: createTradesByOrderLoader(prisma),
  ordersOfUser: createUserOrdersLoader(prisma),
});
