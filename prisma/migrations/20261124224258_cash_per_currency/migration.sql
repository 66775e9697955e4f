-- Cash is kept per currency: a fill moves the cash of its instrument's currency (JPY for USDJPY),
-- no longer all of it in the portfolio's base currency.
CREATE TABLE "portfolio"."cash_balances" (
    "portfolio_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount" DECIMAL(20,4) NOT NULL,

    CONSTRAINT "cash_balances_pkey" PRIMARY KEY ("portfolio_id","currency")
);

ALTER TABLE "portfolio"."cash_balances" ADD CONSTRAINT "cash_balances_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolio"."portfolios"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing cash becomes the base-currency balance as it stands. Fills of instruments quoted in
-- another currency, booked into it before this migration, stay there: they cannot be told apart
-- from the portfolio's own rows.
INSERT INTO "portfolio"."cash_balances" ("portfolio_id", "currency", "amount")
SELECT "id", "base_currency", "cash" FROM "portfolio"."portfolios";

ALTER TABLE "portfolio"."portfolios" DROP COLUMN "cash";
