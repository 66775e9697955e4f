-- CreateTable
CREATE TABLE "orders"."pending_trades" (
    "id" UUID NOT NULL,
    "instrument_id" UUID NOT NULL,
    "buy_order_id" UUID NOT NULL,
    "sell_order_id" UUID NOT NULL,
    "price" DECIMAL(20,8) NOT NULL,
    "quantity" DECIMAL(20,8) NOT NULL,
    "executed_at" TIMESTAMPTZ(3) NOT NULL,
    "engine_trade_id" BIGINT NOT NULL,
    "engine_shard" INTEGER NOT NULL,
    "buyer_account_id" TEXT NOT NULL,
    "seller_account_id" TEXT NOT NULL,

    CONSTRAINT "pending_trades_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pending_trades_buy_order_id_idx" ON "orders"."pending_trades"("buy_order_id");

-- CreateIndex
CREATE INDEX "pending_trades_sell_order_id_idx" ON "orders"."pending_trades"("sell_order_id");
