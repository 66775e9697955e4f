-- AlterTable
-- Added nullable, filled from the trades' orders, then made NOT NULL: the table is not empty.
ALTER TABLE "orders"."trades" ADD COLUMN     "buyer_user_id" UUID,
ADD COLUMN     "seller_user_id" UUID;

-- Every trade has both orders (the foreign keys guarantee it), so no row is left NULL.
UPDATE "orders"."trades" AS t
SET "buyer_user_id" = buy."user_id", "seller_user_id" = sell."user_id"
FROM "orders"."orders" AS buy, "orders"."orders" AS sell
WHERE buy."id" = t."buy_order_id" AND sell."id" = t."sell_order_id";

ALTER TABLE "orders"."trades" ALTER COLUMN "buyer_user_id" SET NOT NULL,
ALTER COLUMN "seller_user_id" SET NOT NULL;

-- CreateIndex
CREATE INDEX "trades_buyer_user_id_executed_at_id_idx" ON "orders"."trades"("buyer_user_id", "executed_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "trades_seller_user_id_executed_at_id_idx" ON "orders"."trades"("seller_user_id", "executed_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "trades_buyer_user_id_instrument_id_executed_at_id_idx" ON "orders"."trades"("buyer_user_id", "instrument_id", "executed_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "trades_seller_user_id_instrument_id_executed_at_id_idx" ON "orders"."trades"("seller_user_id", "instrument_id", "executed_at" DESC, "id" DESC);
