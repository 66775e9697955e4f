import { createHash } from 'node:crypto';
import { Prisma } from '../generated/prisma/client.js';
import type { AggressorSide, AssetClass, CandleInterval } from '../generated/prisma/enums.js';
import type { DemoInstrument } from './demoInstruments.js';

type Decimal = Prisma.Decimal;
const { Decimal } = Prisma;

export interface DemoQuote {
  readonly bid: Decimal;
  readonly bidSize: Decimal;
  readonly ask: Decimal;
  readonly askSize: Decimal;
  readonly last: Decimal;
}

export interface DemoCandle {
  readonly interval: CandleInterval;
  readonly openTime: Date;
  readonly open: Decimal;
  readonly high: Decimal;
  readonly low: Decimal;
  readonly close: Decimal;
  readonly volume: Decimal;
}

/** Typical one-day move as a fraction of price; hourly moves are a fifth of it. */
const DAILY_VOLATILITY: Record<AssetClass, number> = { EQUITY: 0.015, FX: 0.005, CRYPTO: 0.03 };
const INTERVAL_MS: Partial<Record<CandleInterval, number>> = { H1: 3_600_000, D1: 86_400_000 };

/** A top of book one tick (at least a basis point) either side of the reference price. */
export function demoQuote(instrument: DemoInstrument): DemoQuote {
  const tick = new Decimal(instrument.tickSize);
  const last = new Decimal(instrument.referencePrice);
  const halfSpread = Decimal.max(tick, last.mul('0.0001').toNearest(tick));
  const lot = new Decimal(instrument.lotSize);
  return {
    bid: last.sub(halfSpread),
    ask: last.add(halfSpread),
    last,
    bidSize: lot.mul(25),
    askSize: lot.mul(40),
  };
}

/**
 * `count` consecutive candles of `interval` whose last one closes at `endTime` on the reference
 * price. The walk runs backwards from that close with a generator seeded by symbol and interval,
 * so every run produces the same bars, each a valid OHLC on the instrument's tick grid.
 */
export function demoCandles(
  instrument: DemoInstrument,
  interval: 'H1' | 'D1',
  count: number,
  endTime: Date,
): DemoCandle[] {
  const random = seededRandom(`${instrument.symbol}:${interval}`);
  const tick = new Decimal(instrument.tickSize);
  const lot = new Decimal(instrument.lotSize);
  const step = INTERVAL_MS[interval]!;
  const volatility = DAILY_VOLATILITY[instrument.assetClass] / (interval === 'H1' ? 5 : 1);
  const onGrid = (price: Decimal) => Decimal.max(tick, price.toNearest(tick));

  const candles: DemoCandle[] = [];
  let close = new Decimal(instrument.referencePrice);
  for (let index = 1; index <= count; index++) {
    const open = onGrid(close.mul(1 + (random() * 2 - 1) * volatility));
    const high = onGrid(Decimal.max(open, close).mul(1 + random() * volatility * 0.5));
    const low = onGrid(Decimal.min(open, close).mul(1 - random() * volatility * 0.5));
    candles.push({
      interval,
      openTime: new Date(endTime.getTime() - index * step),
      open,
      high: Decimal.max(high, open, close),
      low: Decimal.min(low, open, close),
      close,
      volume: lot.mul(Math.round(500 + random() * 5000)),
    });
    close = open;
  }
  return candles.reverse();
}

export interface DemoPrint {
  readonly price: Decimal;
  readonly quantity: Decimal;
  readonly aggressorSide: AggressorSide;
  readonly executedAt: Date;
}

/**
 * `count` prints of the instrument's tape, oldest first, one every few seconds up to `endTime`,
 * where the last one trades at the reference price (the demo quote's `last`). Each print is a
 * tick or two from the next one, buyers lifting the offer on an uptick and sellers hitting the bid
 * otherwise; seeded by symbol, so every run writes the same tape.
 */
export function demoPrints(instrument: DemoInstrument, count: number, endTime: Date): DemoPrint[] {
  const random = seededRandom(`${instrument.symbol}:tape`);
  const tick = new Decimal(instrument.tickSize);
  const lot = new Decimal(instrument.lotSize);
  const prints: DemoPrint[] = [];
  let price = new Decimal(instrument.referencePrice);
  let executedAt = endTime.getTime();
  for (let index = 0; index < count; index++) {
    const move = Math.floor(random() * 5) - 2;
    const previous = Decimal.max(tick, price.sub(tick.mul(move)));
    prints.push({
      price,
      quantity: lot.mul(1 + Math.floor(random() * 100)),
      aggressorSide: price.gt(previous) ? 'BUY' : 'SELL',
      executedAt: new Date(executedAt),
    });
    price = previous;
    executedAt -= 1_000 + Math.floor(random() * 9_000);
  }
  return prints.reverse();
}

/** mulberry32, seeded from a string: small, fast and the same on every platform. */
function seededRandom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
