import type { Decimal } from '@mib/db';
import type { RiskLimits } from '@mib/engine';

/** The engine's limits of a risk profile: a stored row or validated input. */
export interface EngineLimitsSource {
  readonly maxOrderQuantity: string | Decimal;
  readonly maxOrderNotional: string | Decimal;
  readonly maxPosition: string | Decimal;
  readonly maxOpenOrders: number;
  readonly priceBandBps: number;
}

/**
 * `SetRiskLimits` for `accountId`, with every field the engine checks set: over gRPC a missing
 * decimal arrives as '', which the engine reads as "no limit" (engine/PROTOCOL.md, "Risk
 * limits"), so leaving one out would lift a cap rather than keep it. Decimals go in plain
 * notation, as the wire wants them (`toFixed`, never an exponent).
 */
export const engineLimitsOf = (accountId: string, limits: EngineLimitsSource): RiskLimits => ({
  accountId,
  maxOrderQuantity: plain(limits.maxOrderQuantity),
  maxOrderNotional: plain(limits.maxOrderNotional),
  maxPosition: plain(limits.maxPosition),
  maxOpenOrders: limits.maxOpenOrders,
  priceBandBps: limits.priceBandBps,
});

const plain = (value: string | Decimal): string => (typeof value === 'string' ? value : value.toFixed());
