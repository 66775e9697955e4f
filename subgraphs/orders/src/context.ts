import type { PrismaClient } from '@mib/db';
import { createOrderLoader, type OrderLoader } from './data/orderLoader.js';
import { createTradeLoader, type TradeLoader } from './data/tradeLoader.js';
import { createTradesByOrderLoader, type TradesByOrderLoader } from './data/tradesByOrderLoader.js';
import { createUserOrdersLoader, type UserOrdersLoader } from './data/userOrdersLoader.js';

export interface OrdersContext {
  readonly prisma: PrismaClient;
  readonly orderById: OrderLoader;
  readonly tradeById: TradeLoader;
  readonly tradesByOrderId: TradesByOrderLoader;
  readonly ordersOfUser: UserOrdersLoader;
}

/** A fresh context per request: loaders cache only within one request. */
export const createOrdersContext = (prisma: PrismaClient): OrdersContext => ({
  prisma,
  orderById: createOrderLoader(prisma),
  tradeById: createTradeLoader(prisma),
  tradesByOrderId: createTradesByOrderLoader(prisma),
  ordersOfUser: createUserOrdersLoader(prisma),
});
