-- AlterTable
ALTER TABLE "orders"."orders" ADD COLUMN     "priced_quantity" DECIMAL(20,8);

-- An existing average is recomputed from the order's recorded trades, and marked as covering its
-- filled quantity, only where those trades add up to exactly that quantity: averages written
-- before this column could be wrong (a cancel or amend mirrored before its fill events left them
-- stale or built on a missing start), and marking one as complete would let later fills extend
-- it. Elsewhere `priced_quantity` stays NULL: later fills then leave such an average as it is
-- rather than build on it, and a fill that is an order's first prices it from scratch.
UPDATE "orders"."orders" AS o
SET "average_price" = fills.average, "priced_quantity" = fills.quantity
FROM (
  SELECT order_id, ROUND(SUM(price * quantity) / SUM(quantity), 8) AS average, SUM(quantity) AS quantity
  FROM (
    SELECT "buy_order_id" AS order_id, "price", "quantity" FROM "orders"."trades"
    UNION ALL
    SELECT "sell_order_id" AS order_id, "price", "quantity" FROM "orders"."trades"
  ) AS sides
  GROUP BY order_id
) AS fills
WHERE fills.order_id = o."id" AND fills.quantity = o."filled_quantity";
