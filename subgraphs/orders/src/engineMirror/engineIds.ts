import { nameBasedId } from '@mib/db';

/**
 * Orders and trades are the engine's records mirrored here. Their GraphQL ids are name-based
 * UUIDs of the engine's ids, so the mutation that placed an order, the consumer of its events and
 * a replay all arrive at the same row without a lookup table.
 */
const ENGINE_NAMESPACE = '0d7c7b8e-5f1a-4c1e-8d7e-3b9a4c2f6e10';

export const orderIdOf = (engineOrderId: string): string =>
  nameBasedId(ENGINE_NAMESPACE, `order:${engineOrderId}`);
/**
 * Each engine shard numbers its own trades, so a trade is named by shard and trade id. Shard 0's
 * keep the name of the trade id alone, the one every trade had before shards were told apart.
 */
export const tradeIdOf = (engineShard: number, engineTradeId: string): string =>
  nameBasedId(
    ENGINE_NAMESPACE,
    engineShard === 0 ? `trade:${engineTradeId}` : `trade:${engineShard}:${engineTradeId}`,
  );
