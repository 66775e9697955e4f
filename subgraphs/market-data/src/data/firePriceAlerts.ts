import type { EventOf } from '@mib/events';
import type { Transaction } from '@mib/subgraph-kit';

/**
 * Fires every waiting alert of `instrumentId` that the trade meets (ABOVE: trade price ≥ alert
 * price; BELOW: ≤), in one conditional statement run inside the read model's transaction for the
 * trade (`applyOnce`). So an alert fires exactly when the trade is applied: a redelivered trade
 * is skipped by the event marks before it gets here, and `triggered_at IS NULL` is rechecked on
 * the locked row, so two trades racing on different replicas cannot both fire one alert. Each
 * side is a range scan of the partial (instrument, direction, price) index of waiting alerts.
 * The trade's time, price and engine id are recorded, so a replay writes the same values. A
 * trade that happened before an alert was set never fires it, even when the read model applies
 * it late (a lagging consumer, a replayed topic): an alert is about the trades after it.
 */
export async function firePriceAlerts(
  tx: Transaction,
  instrumentId: string,
  trade: EventOf<'trade'>,
): Promise<number> {
  const { price, tradeId } = trade.payload;
  return tx.$executeRaw`
    UPDATE market.price_alerts
    SET triggered_at = ${new Date(trade.occurredAt)}, trigger_price = ${price}::numeric,
      trigger_engine_shard = ${trade.shard}, trigger_engine_trade_id = ${tradeId}
    WHERE instrument_id = ${instrumentId}::uuid AND triggered_at IS NULL
      AND created_at <= ${new Date(trade.occurredAt)}
      AND ((direction = 'ABOVE' AND price <= ${price}::numeric)
        OR (direction = 'BELOW' AND price >= ${price}::numeric))`;
}
