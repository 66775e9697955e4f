-- market.price_alerts, User.priceAlerts: "tell me when AAPL trades above 200", fired once by the
-- first trade that meets it (the market read model's conditional UPDATE). user_id names an account
-- of the users domain, a plain UUID without a foreign key; an alert goes with its instrument
-- (cascade). The partial indexes cover only the alerts still waiting (firing, the per-user cap,
-- active lists), so fired history does not slow them; the last finds the alerts one trade fired.
-- CreateEnum
CREATE TYPE "market"."PriceAlertDirection" AS ENUM ('ABOVE', 'BELOW');

-- CreateTable
CREATE TABLE "market"."price_alerts" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "instrument_id" UUID NOT NULL,
    "direction" "market"."PriceAlertDirection" NOT NULL,
    "price" DECIMAL(20,8) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "triggered_at" TIMESTAMPTZ(3),
    "trigger_price" DECIMAL(20,8),
    "trigger_engine_shard" INTEGER,
    "trigger_engine_trade_id" TEXT,

    CONSTRAINT "price_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "price_alerts_user_id_created_at_id_idx" ON "market"."price_alerts"("user_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "price_alerts_waiting_user_id_created_at_id_idx" ON "market"."price_alerts"("user_id", "created_at" DESC, "id" DESC) WHERE (triggered_at IS NULL);

-- CreateIndex
CREATE INDEX "price_alerts_instrument_id_direction_price_idx" ON "market"."price_alerts"("instrument_id", "direction", "price") WHERE (triggered_at IS NULL);

-- CreateIndex
CREATE INDEX "price_alerts_trigger_engine_shard_trigger_engine_trade_id_idx" ON "market"."price_alerts"("trigger_engine_shard", "trigger_engine_trade_id") WHERE (trigger_engine_trade_id IS NOT NULL);

-- AddForeignKey
ALTER TABLE "market"."price_alerts" ADD CONSTRAINT "price_alerts_instrument_id_fkey" FOREIGN KEY ("instrument_id") REFERENCES "market"."instruments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
