import { nameBasedId } from '@mib/db';

/**
 * Orders and trades are the engine's records mirrored here. Their GraphQL ids are name-based
 * UUIDs of the engine's ids, so the mutation that placed an order, the consumer of its events and
 * a replay all arrive at the same row without a lookup table.
 */
const ENGINE_NAMESPACE = '0d7c7b8e-5f1a-4c1e-8d7e-3b9a4c2f6e10';

export const orderIdOf = (engineOrderId: string): string =>
  nameBasedId(ENGINE_NAMESPACE, `order:${engineOrderId}`);
export const tradeIdOf = (engineTradeId: string): string =>
  nameBasedId(ENGINE_NAMESPACE, `trade:${engineTradeId}`);
