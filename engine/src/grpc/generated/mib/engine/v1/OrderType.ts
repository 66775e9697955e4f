// Original file: proto/engine.proto

export const OrderType = {
  ORDER_TYPE_UNSPECIFIED: 'ORDER_TYPE_UNSPECIFIED',
  LIMIT: 'LIMIT',
  MARKET: 'MARKET',
  /**
   * Immediate or cancel.
   */
  IOC: 'IOC',
  /**
   * Fill or kill.
   */
  FOK: 'FOK',
  POST_ONLY: 'POST_ONLY',
} as const;

export type OrderType =
  | 'ORDER_TYPE_UNSPECIFIED'
  | 0
  | 'LIMIT'
  | 1
  | 'MARKET'
  | 2
  /**
   * Immediate or cancel.
   */
  | 'IOC'
  | 3
  /**
   * Fill or kill.
   */
  | 'FOK'
  | 4
  | 'POST_ONLY'
  | 5

export type OrderType__Output = typeof OrderType[keyof typeof OrderType]
