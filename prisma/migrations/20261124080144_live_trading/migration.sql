-- AlterTable
ALTER TABLE "orders"."orders" ADD COLUMN     "engine_order_id" BIGINT,
ADD COLUMN     "engine_sequence" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "orders"."trades" ADD COLUMN     "engine_trade_id" BIGINT;

-- CreateTable
CREATE TABLE "market"."event_marks" (
    "consumer" TEXT NOT NULL,
    "stream" TEXT NOT NULL,
    "sequence" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_marks_pkey" PRIMARY KEY ("consumer","stream")
);

-- CreateTable
CREATE TABLE "orders"."event_marks" (
    "consumer" TEXT NOT NULL,
    "stream" TEXT NOT NULL,
    "sequence" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_marks_pkey" PRIMARY KEY ("consumer","stream")
);

-- CreateTable
CREATE TABLE "portfolio"."event_marks" (
    "consumer" TEXT NOT NULL,
    "stream" TEXT NOT NULL,
    "sequence" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_marks_pkey" PRIMARY KEY ("consumer","stream")
);

-- CreateTable
CREATE TABLE "risk"."event_marks" (
    "consumer" TEXT NOT NULL,
    "stream" TEXT NOT NULL,
    "sequence" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_marks_pkey" PRIMARY KEY ("consumer","stream")
);

-- CreateIndex
CREATE UNIQUE INDEX "orders_engine_order_id_key" ON "orders"."orders"("engine_order_id");

-- CreateIndex
CREATE UNIQUE INDEX "trades_engine_trade_id_key" ON "orders"."trades"("engine_trade_id");
