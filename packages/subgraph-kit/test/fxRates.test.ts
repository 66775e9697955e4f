import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@mib/db';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import { FxRates, loadFxRates } from '../src/index.js';

const pair = (base: string, quote: string, price: string) => ({
  base,
  quote,
  price: new Prisma.Decimal(price),
});
const rates = new FxRates([
  pair('EUR', 'USD', '1.08520'),
  pair('USD', 'JPY', '150.245'),
  pair('GBP', 'USD', '0'),
]);

describe('FxRates', () => {
  it('rates a currency against itself at exactly 1, a quoted pair at its price, the reverse at its inverse', () => {
    expect(rates.rate('CHF', 'CHF')?.toFixed()).toBe('1');
    expect(rates.rate('EUR', 'USD')?.toFixed()).toBe('1.0852');
    expect(rates.rate('JPY', 'USD')?.times(150.245).toDecimalPlaces(30).toFixed()).toBe('1');
  });

  it('crosses through USD, and has no rate where no quote links the currencies', () => {
    expect(rates.rate('EUR', 'JPY')?.toFixed()).toBe('163.045874');
    expect(rates.rate('JPY', 'EUR')?.times('163.045874').toDecimalPlaces(30).toFixed()).toBe('1');
    expect(rates.rate('CHF', 'USD')).toBeNull();
    expect(rates.rate('CHF', 'JPY')).toBeNull();
    // A zero price is no rate, not a division by zero.
    expect(rates.rate('USD', 'GBP')).toBeNull();
  });

  it('totals amounts in several currencies, rounded once when any was converted, null when one has no rate', () => {
    const usd = { currency: 'USD', amount: new Prisma.Decimal('-1000.123456') };
    expect(rates.total([usd], 'USD', 4)?.toFixed()).toBe('-1000.123456');
    expect(rates.total([usd, { currency: 'JPY', amount: '150245' }], 'USD', 4)?.toFixed()).toBe('-0.1235');
    expect(rates.total([], 'USD', 4)?.toFixed()).toBe('0');
    expect(rates.total([usd, { currency: 'CHF', amount: '1' }], 'USD', 4)).toBeNull();
    expect(rates.total([usd, { currency: 'CHF', amount: '0.0000' }], 'USD', 4)?.toFixed()).toBe(
      '-1000.123456',
    );
  });

  it('rounds a converted total that falls exactly half-way to even, through inverted pairs too', () => {
    const inverted = new FxRates([
      pair('USD', 'CHF', '0.8812'),
      pair('USD', 'AAA', '3'),
      pair('USD', 'BBB', '6'),
    ]);
    // 0.00030842 CHF at 0.8812 CHF per USD is 0.00035 USD exactly, so 0.0004; times a 40-digit
    // 1 / 0.8812 it would be a hair below, 0.0003.
    expect(inverted.total([{ currency: 'CHF', amount: '0.00030842' }], 'USD', 4)?.toFixed()).toBe('0.0004');
    expect(inverted.total([{ currency: 'CHF', amount: '0.00013218' }], 'USD', 4)?.toFixed()).toBe('0.0002');
    // 0.0002 / 3 + 0.0011 / 6 = 0.00025 exactly, though neither part ends: 0.0002, not 0.0003.
    const thirdsAndSixths = [
      { currency: 'AAA', amount: '0.0002' },
      { currency: 'BBB', amount: '0.0011' },
    ];
    expect(inverted.total(thirdsAndSixths, 'USD', 4)?.toFixed()).toBe('0.0002');
  });
});

describe('loadFxRates', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db[Symbol.asyncDispose]());

  it('reads the FX instruments whose symbol pairs their quote currency, marked at last trade else mid', async () => {
    const fx = { assetClass: 'FX', tickSize: '0.00001', lotSize: '1000' } as const;
    const instrument = async (symbol: string, currency: string, quote: Record<string, string> | null) => {
      const { id } = await db.prisma.instrument.create({ data: { symbol, name: symbol, currency, ...fx } });
      if (quote)
        await db.prisma.quote.create({ data: { instrumentId: id, updatedAt: new Date(), ...quote } });
    };
    await instrument('EURUSD', 'USD', { last: '1.1', bid: '1.0', ask: '1.2' });
    await instrument('USD/CHF', 'CHF', { bid: '0.88', ask: '0.90' });
    await instrument('USDJPY', 'JPY', null);
    // Not a pair of its quote currency: no rate, rather than a wrong one.
    await instrument('EURGBP', 'USD', { last: '0.85' });
    const loaded = await loadFxRates(db.prisma);
    expect(loaded.rate('EUR', 'USD')?.toFixed()).toBe('1.1');
    expect(loaded.rate('USD', 'CHF')?.toFixed()).toBe('0.89');
    expect(loaded.rate('USD', 'JPY')).toBeNull();
    expect(loaded.rate('EUR', 'GBP')).toBeNull();
  });
});
