-- AlterTable
ALTER TABLE "orders"."orders" ADD COLUMN     "priced_quantity" DECIMAL(20,8);

-- An existing average is taken to cover the whole filled quantity, as it was meant to. Left NULL
-- ("no fill priced yet"), a replay of an order's fill events would recompute its average from
-- the first fill on and could overwrite a correct one with a value built on a different start;
-- marked as covering everything filled, the replay leaves it alone. Rows with fills but no
-- average (a cancel mirrored before its fill events were applied) stay NULL, so a replay of their
-- fill events from the first one restores the average.
UPDATE "orders"."orders" SET "priced_quantity" = "filled_quantity" WHERE "average_price" IS NOT NULL;
