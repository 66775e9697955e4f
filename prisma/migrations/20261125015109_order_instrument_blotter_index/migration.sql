-- User.orders(instrumentId:), an order blotter of one instrument: without this index a user's
-- page walks (user_id, created_at DESC, id) through their orders of every instrument.
-- CreateIndex
CREATE INDEX "orders_user_id_instrument_id_created_at_id_idx" ON "orders"."orders"("user_id", "instrument_id", "created_at" DESC, "id");
