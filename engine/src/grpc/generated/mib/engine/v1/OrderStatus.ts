// Original file: proto/engine.proto

export const OrderStatus = {
  ORDER_STATUS_UNSPECIFIED: 'ORDER_STATUS_UNSPECIFIED',
  /**
   * Accepted and resting, nothing filled.
   */
  OPEN: 'OPEN',
  PARTIALLY_FILLED: 'PARTIALLY_FILLED',
  FILLED: 'FILLED',
  /**
   * Off the book with an unfilled rest (user cancel, IOC/market remainder, self-trade prevention).
   */
  CANCELLED: 'CANCELLED',
} as const;

export type OrderStatus =
  | 'ORDER_STATUS_UNSPECIFIED'
  | 0
  /**
   * Accepted and resting, nothing filled.
   */
  | 'OPEN'
  | 1
  | 'PARTIALLY_FILLED'
  | 2
  | 'FILLED'
  | 3
  /**
   * Off the book with an unfilled rest (user cancel, IOC/market remainder, self-trade prevention).
   */
  | 'CANCELLED'
  | 4

export type OrderStatus__Output = typeof OrderStatus[keyof typeof OrderStatus]
