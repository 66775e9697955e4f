-- AlterTable
-- Positions start unflagged: one already above its limit alerts once more on its next trade.
ALTER TABLE "risk"."net_positions" ADD COLUMN     "limit_breached" BOOLEAN NOT NULL DEFAULT false;
