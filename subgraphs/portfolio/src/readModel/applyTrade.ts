import { nameBasedId } from '@mib/db';
import type { EventOf, TradingEvent } from '@mib/events';
import type { InstrumentCatalog, Transaction } from '@mib/subgraph-kit';
import type { Logger } from '@mib/telemetry';
import { applyFill, type Fill } from '../positions/applyFill.js';

/** New portfolios of accounts that trade before anyone opened one for them. */
const DEFAULT_BASE_CURRENCY = 'USD';

/**
 * Portfolios and positions opened by trades get name-based ids (of the account, of the
 * portfolio and instrument), so a replay into an empty database rebuilds the same rows.
 */
const PORTFOLIO_NAMESPACE = '6f1d2c3b-8a4e-4b7f-9c2d-1e5a7b9c3d40';

/** One side of a trade, as it lands in one account's portfolio. */
interface PartyFill extends Fill {
  readonly accountId: string;
}

/**
 * Applies one trade to both parties' portfolios (called exactly once per event by the read-model
 * consumer, inside its transaction): the cash of the instrument's currency moves by price ×
 * quantity, the position by the fill.
 * External prints (no taker or maker) belong to nobody and are ignored.
 */
export async function applyTrade(
  event: TradingEvent,
  tx: Transaction,
  { catalog, logger }: { catalog: InstrumentCatalog; logger: Logger },
): Promise<void> {
  if (event.type !== 'trade') return;
  const fills = partyFillsOf(event);
  if (fills.length === 0) return;
  const instrument = await catalog.bySymbolName(event.payload.symbol);
  if (!instrument) {
    // Not retried: an instrument the catalogue lacks will not appear by waiting.
    logger.error(
      { symbol: event.payload.symbol, sequence: event.sequence },
      'trade for an unknown instrument skipped',
    );
    return;
  }
  // Accounts in a fixed order: two trades on different symbols (applied concurrently) that touch
  // the same two portfolios then lock them in the same order and cannot deadlock.
  const byAccount = [...fills].sort((a, b) =>
    a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0,
  );
  for (const fill of byAccount) await applyPartyFill(tx, fill, instrument, new Date(event.occurredAt));
}

/** Buyer and seller of an exchange trade; none for an external print. */
function partyFillsOf({ payload }: EventOf<'trade'>): PartyFill[] {
  const { taker, maker, aggressorSide, price, quantity } = payload;
  if (!taker || !maker || !aggressorSide) return [];
  const [buyer, seller] = aggressorSide === 'BUY' ? [taker, maker] : [maker, taker];
  return [
    { accountId: buyer.accountId, side: 'BUY', price, quantity },
    { accountId: seller.accountId, side: 'SELL', price, quantity },
  ];
}

async function applyPartyFill(
  tx: Transaction,
  fill: PartyFill,
  { id: instrumentId, currency }: { id: string; currency: string },
  at: Date,
): Promise<void> {
  // ON CONFLICT: a concurrent first trade of the same account (another symbol) may create it too.
  await tx.$executeRaw`
    INSERT INTO portfolio.portfolios (id, user_id, base_currency)
    VALUES (${nameBasedId(PORTFOLIO_NAMESPACE, `portfolio:${fill.accountId}`)}::uuid, ${fill.accountId}::uuid, ${DEFAULT_BASE_CURRENCY})
    ON CONFLICT (user_id) DO NOTHING`;
  // Position rows of one symbol are only written by that symbol's trades, which the consumer
  // applies one at a time (the stream's mark is locked for the transaction).
  const portfolio = await tx.portfolio.findUniqueOrThrow({
    where: { userId: fill.accountId },
    select: { id: true },
  });
  const key = { portfolioId: portfolio.id, instrumentId };
  const held = await tx.position.findUnique({ where: { portfolioId_instrumentId: key } });
  const { position, cashChange } = applyFill(
    held ?? { quantity: '0', averageCost: '0', realizedPnl: '0' },
    fill,
  );
  const values = {
    quantity: position.quantity.toFixed(),
    averageCost: position.averageCost.toFixed(),
    realizedPnl: position.realizedPnl.toFixed(),
    updatedAt: at,
  };
  if (held) await tx.position.update({ where: { id: held.id }, data: values });
  else {
    const id = nameBasedId(PORTFOLIO_NAMESPACE, `position:${portfolio.id}:${instrumentId}`);
    await tx.position.create({ data: { id, ...key, ...values } });
  }
  // An increment, not a read-modify-write: trades of other symbols move the same cash concurrently.
  await tx.$executeRaw`
    INSERT INTO portfolio.cash_balances (portfolio_id, currency, amount)
    VALUES (${portfolio.id}::uuid, ${currency}, ${cashChange.toFixed()}::numeric)
    ON CONFLICT (portfolio_id, currency)
    DO UPDATE SET amount = portfolio.cash_balances.amount + EXCLUDED.amount`;
}
