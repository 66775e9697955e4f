import { Decimal, nameBasedId, type PrismaClient } from '@mib/db';
import { streamOf, type EventOf, type TradingEvent } from '@mib/events';
import { NO_FX_RATES, type InstrumentCatalog, type Transaction } from '@mib/subgraph-kit';
import type { Logger } from '@mib/telemetry';
import { ExactDecimal } from '../analytics/exactDecimal.js';
import {
  inUsd,
  REPORTING_CURRENCY,
  reportingRateOf,
  reportingRateOfSymbol,
  type ReportingRate,
} from '../analytics/reportingCurrency.js';
import { raiseAlert } from './alertOutbox.js';

/** Alert rows get name-based ids of their event, so the live stream and the row agree. */
const ALERT_NAMESPACE = '9a3e5c71-2b4d-4f6a-8e1c-7d2b5a9c4e63';

export const alertIdOf = (event: EventOf<'risk.alert'>): string =>
  nameBasedId(ALERT_NAMESPACE, `${streamOf(event)}#${event.sequence}`);

/** The kind of alert raised when a trade takes a position past `maxPositionNotional`. */
export const POSITION_LIMIT_EXCEEDED = 'POSITION_LIMIT_EXCEEDED';

/** A trade whose rate was not looked up is checked as one without a rate: not at all. */
const NO_RATE: ReportingRate = reportingRateOf(NO_FX_RATES, null);

/** What applying an event needs besides the consumer's transaction. */
export interface RiskMonitorInputs {
  readonly logger: Logger;
  /** For a trade, its instrument's currency and USD rate (`tradedRateOf`); null otherwise. */
  readonly tradedRate: ReportingRate | null;
}

/**
 * The currency and USD rate a trade's position limits are checked at (null for other events).
 * Market data, not the risk read model: read before the consumer's transaction, so that handlers
 * each holding a pooled connection never wait for a second one to read it.
 */
export async function tradedRateOf(
  prisma: PrismaClient,
  catalog: InstrumentCatalog,
  event: TradingEvent,
): Promise<ReportingRate | null> {
  return event.type === 'trade' ? reportingRateOfSymbol(prisma, catalog, event.payload.symbol) : null;
}

/**
 * Applies one event to the risk read model (exactly once, inside the consumer's transaction):
 * a trade moves both parties' net positions and may raise an alert; a `risk.alert`, raised here
 * or by another producer, becomes a RiskAlert row of the account's profile.
 */
export async function applyRiskEvent(
  event: TradingEvent,
  tx: Transaction,
  { logger, tradedRate }: RiskMonitorInputs,
): Promise<void> {
  if (event.type === 'trade') return applyTrade(event, tx, { logger, rate: tradedRate ?? NO_RATE });
  if (event.type === 'risk.alert') return recordAlert(event, tx, logger);
}

async function applyTrade(
  event: EventOf<'trade'>,
  tx: Transaction,
  context: { logger: Logger; rate: ReportingRate },
): Promise<void> {
  const { taker, maker, aggressorSide, symbol, price, quantity } = event.payload;
  if (!taker || !maker || !aggressorSide) return; // an external print: nobody's position
  const [buyer, seller] = aggressorSide === 'BUY' ? [taker, maker] : [maker, taker];
  const moves = [
    { accountId: buyer.accountId, change: new Decimal(quantity) },
    { accountId: seller.accountId, change: new Decimal(quantity).negated() },
  ].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0)); // fixed lock order
  const at = new Date(event.occurredAt);
  for (const { accountId, change } of moves) {
    const before = await tx.netPosition.findUnique({
      where: { userId_symbol: { userId: accountId, symbol } },
    });
    const held = before?.quantity ?? new Decimal(0);
    const after = held.plus(change);
    // A trade that flips the position (long to short or back) starts a new one, not yet alerted on.
    const flipped = held.isNeg() !== after.isNeg() && !held.isZero() && !after.isZero();
    const breached = await checkPositionLimit(
      tx,
      {
        accountId,
        symbol,
        price: new Decimal(price),
        after,
        at,
        alerted: !flipped && (before?.limitBreached ?? false),
      },
      context,
    );
    const position = { quantity: after.toFixed(), lastPrice: price, updatedAt: at, limitBreached: breached };
    await tx.netPosition.upsert({
      where: { userId_symbol: { userId: accountId, symbol } },
      create: { userId: accountId, symbol, ...position },
      update: position,
    });
  }
}

/**
 * Raises POSITION_LIMIT_EXCEEDED when the position after this trade is worth more than the limit
 * (|quantity| × trade price, in USD at the latest FX quote) and has not been alerted on since it
 * was last within it, and returns whether the position is now in breach (kept on the row as
 * `limitBreached`). So there is one alert per breach, however the position got above the limit:
 * by this trade, by the price moving since the last one, or by a lowered limit; further trades
 * leave it quiet until one takes the position back within the limit. USD products are exact (a
 * notional a hair above the limit must not round onto it); converted ones are compared as they
 * are shown, to 4 places. A position with no USD value (its currency unknown or not linked to USD
 * by any FX quote) is not checked but logged, and keeps its flag: compared unconverted it would
 * raise or miss alerts at random, and this runs in the consumer, which must not stop.
 */
async function checkPositionLimit(
  tx: Transaction,
  move: { accountId: string; symbol: string; price: Decimal; after: Decimal; at: Date; alerted: boolean },
  { logger, rate }: { logger: Logger; rate: ReportingRate },
): Promise<boolean> {
  const profile = await tx.riskProfile.findUnique({
    where: { userId: move.accountId },
    select: { maxPositionNotional: true },
  });
  if (!profile || profile.maxPositionNotional.lte(0)) return false;
  const limit = profile.maxPositionNotional;
  const local = new ExactDecimal(move.after).abs().times(move.price);
  const after = inUsd(local, rate);
  if (!after) {
    logger.warn(
      { accountId: move.accountId, symbol: move.symbol, currency: rate.currency },
      'position limit not checked: no USD rate for the instrument currency',
    );
    return move.alerted;
  }
  if (after.lte(limit)) return false;
  if (move.alerted) return true;
  const unconverted = rate.currency === REPORTING_CURRENCY ? '' : ` (${local.toFixed()} ${rate.currency})`;
  const worth = `${after.toFixed()} ${REPORTING_CURRENCY}${unconverted}`;
  await raiseAlert(
    tx,
    {
      accountId: move.accountId,
      symbol: move.symbol,
      severity: 'CRITICAL',
      kind: POSITION_LIMIT_EXCEEDED,
      message: `${move.symbol} position of ${move.after.toFixed()} is worth ${worth}, above the limit of ${limit.toFixed()} ${REPORTING_CURRENCY}`,
      limit: limit.toFixed(),
      value: after.toFixed(),
    },
    move.at,
  );
  return true;
}

async function recordAlert(event: EventOf<'risk.alert'>, tx: Transaction, logger: Logger): Promise<void> {
  const { accountId, severity, kind, message } = event.payload;
  const profile = await tx.riskProfile.findUnique({ where: { userId: accountId }, select: { id: true } });
  if (!profile) {
    // Alerts hang off a profile; an account without limits has nowhere to keep them.
    logger.warn(
      { accountId, kind, sequence: event.sequence },
      'risk alert for an account without a risk profile not recorded',
    );
    return;
  }
  await tx.riskAlert.upsert({
    where: { id: alertIdOf(event) },
    create: {
      id: alertIdOf(event),
      riskProfileId: profile.id,
      severity,
      kind,
      message,
      createdAt: new Date(event.occurredAt),
    },
    update: {},
  });
}
