import { COMMAND_SLOT_SIZE, CommandField } from '../core/index.js';
import type { IdMarks, JournalStore, ShardRecovery } from './journalStore.js';

/** Everything a restarting engine needs from its journal. */
export interface EngineRecovery {
  readonly shards: readonly ShardRecovery[];
  /** Account names in registration order: re-registering them gives each its old number. */
  readonly accounts: readonly string[];
  /** Highest ids ever handed out: the restarted engine continues above them. */
  readonly ids: IdMarks;
  /** Commands to replay in total (after the snapshots). */
  readonly commands: number;
}

/** Reads every shard's snapshot and journal tail, and the id high-water marks across them. */
export async function recoverJournal(store: JournalStore, shardCount: number): Promise<EngineRecovery> {
  const shards = await Promise.all(Array.from({ length: shardCount }, (_, shard) => store.load(shard)));
  let maxOrderId = 0;
  let maxRequestId = 0;
  let commands = 0;
  for (const shard of shards) {
    maxOrderId = Math.max(maxOrderId, shard.snapshotIds.maxOrderId);
    maxRequestId = Math.max(maxRequestId, shard.snapshotIds.maxRequestId);
    const count = shard.commands.length / COMMAND_SLOT_SIZE;
    commands += count;
    for (let i = 0; i < count; i++) {
      const at = i * COMMAND_SLOT_SIZE;
      maxOrderId = Math.max(maxOrderId, shard.commands[at + CommandField.ORDER_ID]!);
      maxRequestId = Math.max(maxRequestId, shard.commands[at + CommandField.REQUEST_ID]!);
    }
  }
  return { shards, accounts: await store.loadAccounts(), ids: { maxOrderId, maxRequestId }, commands };
}
