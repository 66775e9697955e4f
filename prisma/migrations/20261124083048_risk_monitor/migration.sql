-- CreateTable
CREATE TABLE "risk"."net_positions" (
    "user_id" UUID NOT NULL,
    "symbol" TEXT NOT NULL,
    "quantity" DECIMAL(20,8) NOT NULL,
    "last_price" DECIMAL(20,8) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "net_positions_pkey" PRIMARY KEY ("user_id","symbol")
);

-- CreateTable
CREATE TABLE "risk"."alert_outbox" (
    "sequence" BIGINT NOT NULL,
    "event" JSONB NOT NULL,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "alert_outbox_pkey" PRIMARY KEY ("sequence")
);
