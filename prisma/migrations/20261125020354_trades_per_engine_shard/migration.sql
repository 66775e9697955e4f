-- DropIndex
DROP INDEX "orders"."trades_engine_trade_id_key";

-- AlterTable
ALTER TABLE "orders"."trades" ADD COLUMN     "engine_shard" INTEGER;

-- Each engine shard numbers its own trades, so a trade id alone is not unique once an engine runs
-- more than one shard. The engine trades recorded so far were keyed as shard 0's (their row ids
-- are named after the trade id alone, which is what shard 0's keep); with one shard, the default
-- on two cores, that is what they are. With more, a second shard's trade numbered like an
-- earlier one was dropped: replaying the topic records it now.
UPDATE "orders"."trades" SET "engine_shard" = 0 WHERE "engine_trade_id" IS NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "trades_engine_shard_engine_trade_id_key" ON "orders"."trades"("engine_shard", "engine_trade_id");
