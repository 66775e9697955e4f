import { OrderType, Side, StpMode } from '../core/index.js';
import type { OrderType__Output } from './generated/mib/engine/v1/OrderType.js';
import type { SelfTradePrevention__Output } from './generated/mib/engine/v1/SelfTradePrevention.js';
import type { Side__Output } from './generated/mib/engine/v1/Side.js';

/**
 * Proto enum names ↔ the core's slot numbers. The proto's numbers equal the core's, but the
 * loader hands names to handlers (`enums: String`), and an unknown number arrives as a number:
 * both directions go through these tables, and anything unknown becomes NaN, which the core
 * rejects with its own reason (INVALID_SIDE, INVALID_ORDER_TYPE, INVALID_STP_MODE).
 */
const SIDES: Record<string, number> = { BUY: Side.BUY, SELL: Side.SELL };
const ORDER_TYPES: Record<string, number> = { ...OrderType };
const STP_MODES: Record<string, number> = {
  STP_NONE: StpMode.NONE,
  STP_CANCEL_RESTING: StpMode.CANCEL_RESTING,
  STP_CANCEL_INCOMING: StpMode.CANCEL_INCOMING,
  STP_CANCEL_BOTH: StpMode.CANCEL_BOTH,
};

function toSlot(table: Record<string, number>, value: string | number): number {
  return typeof value === 'string' ? (table[value] ?? Number.NaN) : Number.NaN;
}

export const sideToSlot = (value: string | number): number => toSlot(SIDES, value);
export const orderTypeToSlot = (value: string | number): number => toSlot(ORDER_TYPES, value);
export const stpToSlot = (value: string | number): number => toSlot(STP_MODES, value);

export function sideToWire(side: number): Side__Output {
  return side === Side.BUY ? 'BUY' : side === Side.SELL ? 'SELL' : 'SIDE_UNSPECIFIED';
}

const ORDER_TYPE_NAMES = new Map<number, OrderType__Output>(Object.entries(OrderType).map(([name, code]) => [code, name as OrderType__Output]));

export function orderTypeToWire(orderType: number): OrderType__Output {
  return ORDER_TYPE_NAMES.get(orderType) ?? 'ORDER_TYPE_UNSPECIFIED';
}

export function stpToWire(stp: number): SelfTradePrevention__Output {
  return (Object.entries(STP_MODES).find(([, code]) => code === stp)?.[0] ?? 'STP_NONE') as SelfTradePrevention__Output;
}
