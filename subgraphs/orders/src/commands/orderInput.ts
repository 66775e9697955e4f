import { isValidClientOrderId } from '@mib/engine';
import { badUserInput } from '@mib/errors';
import { unknownInstrument, type InstrumentCatalog, type InstrumentRef } from '@mib/subgraph-kit';

/** Checks that the caller named an instrument of the catalogue; an unknown one is bad input. */
export async function knownInstrument(
  catalog: InstrumentCatalog,
  instrumentId: string,
): Promise<InstrumentRef> {
  const instrument = await catalog.byInstrumentId(instrumentId);
  if (!instrument) throw unknownInstrument(instrumentId);
  return instrument;
}

/** Checks that the caller named an active instrument; unknown or halted ones are bad input. */
export async function tradableInstrument(
  catalog: InstrumentCatalog,
  instrumentId: string,
): Promise<InstrumentRef> {
  const instrument = await knownInstrument(catalog, instrumentId);
  if (!instrument.active) throw badUserInput(`${instrument.symbol} is not trading`, 'instrumentId');
  return instrument;
}

/** A price is required for every order type but MARKET, and refused for MARKET. */
export function checkPriceForType(type: string, price: string | null | undefined): string | null {
  if (type === 'MARKET') {
    if (price != null) throw badUserInput('A market order takes no price', 'price');
    return null;
  }
  if (price == null) throw badUserInput(`A ${type} order needs a price`, 'price');
  if (!/^\d/.test(price) || Number(price) <= 0) throw badUserInput('Price must be positive', 'price');
  return price;
}

export function checkQuantity(quantity: string, argument = 'quantity'): string {
  if (quantity.startsWith('-') || Number(quantity) <= 0)
    throw badUserInput('Quantity must be positive', argument);
  return quantity;
}

/** The engine's idempotency key: absent, or 1–64 characters of [A-Za-z0-9._:-] (as the engine checks). */
export function checkClientOrderId(clientOrderId: string | null | undefined): string {
  if (clientOrderId == null) return '';
  if (!isValidClientOrderId(clientOrderId))
    throw badUserInput('clientOrderId must be 1–64 letters, digits or . _ : -', 'clientOrderId');
  return clientOrderId;
}
