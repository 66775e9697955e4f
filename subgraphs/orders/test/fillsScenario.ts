import { vi } from 'vitest';
import { demoInstrumentId } from '@mib/db';
import { subgraphRequest, testIdentity } from '@mib/subgraph-kit/testing';
import type { TradingFixture } from './tradingFixture.js';

/** One trade, by its buying and its selling order. */
export interface OrderPair {
  readonly buy: string;
  readonly sell: string;
}

export type ScenarioTrades = Record<
  'aliceSellsBob' | 'bobSellsAlice' | 'carolSellsAlice' | 'bobSellsCarol' | 'aliceSelf',
  OrderPair
>;

interface Traders {
  readonly alice: string;
  readonly bob: string;
  readonly carol: string;
  /** Rests an order but never trades. */
  readonly dave: string;
}

interface LimitOrder {
  readonly instrumentId: string;
  readonly price: string;
  readonly quantity: string;
  readonly selfTradePrevention?: string;
}

const NVDA = demoInstrumentId('NVDA');
const AAPL = demoInstrumentId('AAPL');
const MSFT = demoInstrumentId('MSFT');

const PLACE = `mutation($input: PlaceOrderInput!) {
  placeOrder(input: $input) { __typename ... on OrderAccepted { order { id } } }
}`;

/**
 * Five trades through the subgraph and the engine, one after the other: Alice sells NVDA to Bob,
 * buys AAPL from Bob (her order resting) and from Carol, Bob sells MSFT to Carol, and Alice trades
 * MSFT with herself (selfTradePrevention NONE). Dave's order rests. Resolves once the read model
 * has recorded every trade from the engine's events (the fixture needs `engineEvents`).
 */
export async function placeFills(fixture: TradingFixture, traders: Traders): Promise<ScenarioTrades> {
  const { alice, bob, carol, dave } = traders;

  async function place(userId: string, order: LimitOrder & { side: 'BUY' | 'SELL' }): Promise<string> {
    const response = await subgraphRequest<{ placeOrder: { order?: { id: string } } }>(
      fixture.subgraph.url,
      PLACE,
      { input: { ...order, type: 'LIMIT' } },
      testIdentity(userId),
    );
    const id = response.data?.placeOrder.order?.id;
    // The subgraph's log says what an INTERNAL hid.
    if (!id) throw new Error(`${JSON.stringify(response)}\n${JSON.stringify(fixture.logged)}`);
    return id;
  }

  /** A resting order, then the one that crosses it: one trade. */
  async function trade(seller: string, buyer: string, order: LimitOrder, resting: 'BUY' | 'SELL' = 'SELL') {
    if (resting === 'SELL') {
      const sell = await place(seller, { ...order, side: 'SELL' });
      return { sell, buy: await place(buyer, { ...order, side: 'BUY' }) };
    }
    const buy = await place(buyer, { ...order, side: 'BUY' });
    return { buy, sell: await place(seller, { ...order, side: 'SELL' }) };
  }

  const placed: ScenarioTrades = {
    aliceSellsBob: await trade(alice, bob, { instrumentId: NVDA, price: '120', quantity: '3' }),
    bobSellsAlice: await trade(bob, alice, { instrumentId: AAPL, price: '150', quantity: '2' }, 'BUY'),
    carolSellsAlice: await trade(carol, alice, { instrumentId: AAPL, price: '151', quantity: '1' }),
    bobSellsCarol: await trade(bob, carol, { instrumentId: MSFT, price: '400', quantity: '4' }, 'BUY'),
    aliceSelf: await trade(alice, alice, {
      instrumentId: MSFT,
      price: '401',
      quantity: '1',
      selfTradePrevention: 'NONE',
    }),
  };
  await place(dave, { instrumentId: NVDA, side: 'BUY', price: '119', quantity: '1' });
  const buyOrderIds = Object.values(placed).map((pair) => pair.buy);
  await vi.waitFor(
    async () => {
      const recorded = await fixture.db.prisma.trade.count({ where: { buyOrderId: { in: buyOrderIds } } });
      if (recorded < buyOrderIds.length)
        throw new Error(`${recorded} of ${buyOrderIds.length} trades recorded`);
    },
    { timeout: 15_000, interval: 50 },
  );
  return placed;
}
