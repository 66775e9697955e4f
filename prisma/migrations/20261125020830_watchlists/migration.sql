-- market.watchlist_entries, User.watchlist: the instruments each user follows. user_id names an
-- account of the users domain, a plain UUID without a foreign key (one schema per domain); an
-- entry goes with its instrument (cascade). (user_id, added_at) lists one user's in the order added.
-- CreateTable
CREATE TABLE "market"."watchlist_entries" (
    "user_id" UUID NOT NULL,
    "instrument_id" UUID NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "watchlist_entries_pkey" PRIMARY KEY ("user_id","instrument_id")
);

-- CreateIndex
CREATE INDEX "watchlist_entries_user_id_added_at_idx" ON "market"."watchlist_entries"("user_id", "added_at");

-- AddForeignKey
ALTER TABLE "market"."watchlist_entries" ADD CONSTRAINT "watchlist_entries_instrument_id_fkey" FOREIGN KEY ("instrument_id") REFERENCES "market"."instruments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
