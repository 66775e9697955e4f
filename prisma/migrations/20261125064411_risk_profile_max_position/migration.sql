-- AlterTable
-- Backfill: profiles stored before this column were never sent a position limit, so the engine
-- capped their accounts at its default, 1e7 units (engine/PROTOCOL.md, "Risk limits"); the column
-- default keeps that cap for them and for any profile written without a position limit.
ALTER TABLE "risk"."risk_profiles" ADD COLUMN     "max_position" DECIMAL(20,8) NOT NULL DEFAULT 10000000;
