-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "market";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "orders";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "portfolio";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "risk";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "users";

-- CreateEnum
CREATE TYPE "users"."Role" AS ENUM ('TRADER', 'ANALYST', 'ADMIN');

-- CreateEnum
CREATE TYPE "market"."AssetClass" AS ENUM ('EQUITY', 'FX', 'CRYPTO');

-- CreateEnum
CREATE TYPE "market"."CandleInterval" AS ENUM ('S1', 'M1', 'M5', 'H1', 'D1');

-- CreateEnum
CREATE TYPE "orders"."OrderSide" AS ENUM ('BUY', 'SELL');

-- CreateEnum
CREATE TYPE "orders"."OrderType" AS ENUM ('LIMIT', 'MARKET', 'IOC', 'FOK', 'POST_ONLY');

-- CreateEnum
CREATE TYPE "orders"."OrderStatus" AS ENUM ('OPEN', 'PARTIALLY_FILLED', 'FILLED', 'CANCELLED', 'REJECTED');

-- CreateEnum
CREATE TYPE "risk"."AlertSeverity" AS ENUM ('INFO', 'WARNING', 'CRITICAL');

-- CreateTable
CREATE TABLE "users"."users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "role" "users"."Role" NOT NULL DEFAULT 'TRADER',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "market"."instruments" (
    "id" UUID NOT NULL,
    "symbol" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "asset_class" "market"."AssetClass" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "tick_size" DECIMAL(20,8) NOT NULL,
    "lot_size" DECIMAL(20,8) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "instruments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "market"."quotes" (
    "instrument_id" UUID NOT NULL,
    "bid" DECIMAL(20,8),
    "bid_size" DECIMAL(20,8),
    "ask" DECIMAL(20,8),
    "ask_size" DECIMAL(20,8),
    "last" DECIMAL(20,8),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "quotes_pkey" PRIMARY KEY ("instrument_id")
);

-- CreateTable
CREATE TABLE "market"."candles" (
    "instrument_id" UUID NOT NULL,
    "interval" "market"."CandleInterval" NOT NULL,
    "open_time" TIMESTAMPTZ(3) NOT NULL,
    "open" DECIMAL(20,8) NOT NULL,
    "high" DECIMAL(20,8) NOT NULL,
    "low" DECIMAL(20,8) NOT NULL,
    "close" DECIMAL(20,8) NOT NULL,
    "volume" DECIMAL(28,8) NOT NULL,

    CONSTRAINT "candles_pkey" PRIMARY KEY ("instrument_id","interval","open_time")
);

-- CreateTable
CREATE TABLE "orders"."orders" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "instrument_id" UUID NOT NULL,
    "side" "orders"."OrderSide" NOT NULL,
    "type" "orders"."OrderType" NOT NULL,
    "status" "orders"."OrderStatus" NOT NULL,
    "price" DECIMAL(20,8),
    "quantity" DECIMAL(20,8) NOT NULL,
    "filled_quantity" DECIMAL(20,8) NOT NULL DEFAULT 0,
    "average_price" DECIMAL(20,8),
    "reject_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "orders"."trades" (
    "id" UUID NOT NULL,
    "instrument_id" UUID NOT NULL,
    "buy_order_id" UUID NOT NULL,
    "sell_order_id" UUID NOT NULL,
    "price" DECIMAL(20,8) NOT NULL,
    "quantity" DECIMAL(20,8) NOT NULL,
    "executed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "trades_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portfolio"."portfolios" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "base_currency" CHAR(3) NOT NULL,
    "cash" DECIMAL(20,4) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portfolios_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portfolio"."positions" (
    "id" UUID NOT NULL,
    "portfolio_id" UUID NOT NULL,
    "instrument_id" UUID NOT NULL,
    "quantity" DECIMAL(20,8) NOT NULL,
    "average_cost" DECIMAL(20,8) NOT NULL,
    "realized_pnl" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "positions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk"."risk_profiles" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "max_order_quantity" DECIMAL(20,8) NOT NULL,
    "max_order_notional" DECIMAL(20,4) NOT NULL,
    "max_position_notional" DECIMAL(20,4) NOT NULL,
    "max_open_orders" INTEGER NOT NULL,
    "price_band_bps" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "risk_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk"."risk_alerts" (
    "id" UUID NOT NULL,
    "risk_profile_id" UUID NOT NULL,
    "severity" "risk"."AlertSeverity" NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "acknowledged" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "risk_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"."users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "instruments_symbol_key" ON "market"."instruments"("symbol");

-- CreateIndex
CREATE INDEX "instruments_asset_class_symbol_idx" ON "market"."instruments"("asset_class", "symbol");

-- CreateIndex
CREATE INDEX "orders_user_id_created_at_id_idx" ON "orders"."orders"("user_id", "created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "orders_instrument_id_status_idx" ON "orders"."orders"("instrument_id", "status");

-- CreateIndex
CREATE INDEX "trades_buy_order_id_idx" ON "orders"."trades"("buy_order_id");

-- CreateIndex
CREATE INDEX "trades_sell_order_id_idx" ON "orders"."trades"("sell_order_id");

-- CreateIndex
CREATE INDEX "trades_instrument_id_executed_at_idx" ON "orders"."trades"("instrument_id", "executed_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "portfolios_user_id_key" ON "portfolio"."portfolios"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "positions_portfolio_id_instrument_id_key" ON "portfolio"."positions"("portfolio_id", "instrument_id");

-- CreateIndex
CREATE UNIQUE INDEX "risk_profiles_user_id_key" ON "risk"."risk_profiles"("user_id");

-- CreateIndex
CREATE INDEX "risk_alerts_risk_profile_id_created_at_idx" ON "risk"."risk_alerts"("risk_profile_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "market"."quotes" ADD CONSTRAINT "quotes_instrument_id_fkey" FOREIGN KEY ("instrument_id") REFERENCES "market"."instruments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "market"."candles" ADD CONSTRAINT "candles_instrument_id_fkey" FOREIGN KEY ("instrument_id") REFERENCES "market"."instruments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders"."trades" ADD CONSTRAINT "trades_buy_order_id_fkey" FOREIGN KEY ("buy_order_id") REFERENCES "orders"."orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders"."trades" ADD CONSTRAINT "trades_sell_order_id_fkey" FOREIGN KEY ("sell_order_id") REFERENCES "orders"."orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portfolio"."positions" ADD CONSTRAINT "positions_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolio"."portfolios"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk"."risk_alerts" ADD CONSTRAINT "risk_alerts_risk_profile_id_fkey" FOREIGN KEY ("risk_profile_id") REFERENCES "risk"."risk_profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
