-- market.trades, the public tape (Instrument.trades, Subscription.trades): prices, sizes and
-- aggressor sides only, never an order or account id. (engine_shard, engine_trade_id) is unique
-- because each engine shard numbers its own trades; NULLs (seeded prints) never conflict.
-- CreateEnum
CREATE TYPE "market"."AggressorSide" AS ENUM ('BUY', 'SELL');

-- CreateTable
CREATE TABLE "market"."trades" (
    "id" BIGSERIAL NOT NULL,
    "instrument_id" UUID NOT NULL,
    "engine_shard" INTEGER,
    "engine_trade_id" TEXT,
    "price" DECIMAL(20,8) NOT NULL,
    "quantity" DECIMAL(20,8) NOT NULL,
    "aggressor_side" "market"."AggressorSide",
    "executed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "trades_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "trades_instrument_id_executed_at_id_idx" ON "market"."trades"("instrument_id", "executed_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "trades_engine_shard_engine_trade_id_key" ON "market"."trades"("engine_shard", "engine_trade_id");

-- AddForeignKey
ALTER TABLE "market"."trades" ADD CONSTRAINT "trades_instrument_id_fkey" FOREIGN KEY ("instrument_id") REFERENCES "market"."instruments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
