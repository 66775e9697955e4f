// Original file: proto/engine.proto

/**
 * What happens when an order would trade against a resting order of the same account.
 */
export const SelfTradePrevention = {
  STP_NONE: 'STP_NONE',
  STP_CANCEL_RESTING: 'STP_CANCEL_RESTING',
  STP_CANCEL_INCOMING: 'STP_CANCEL_INCOMING',
  STP_CANCEL_BOTH: 'STP_CANCEL_BOTH',
} as const;

/**
 * What happens when an order would trade against a resting order of the same account.
 */
export type SelfTradePrevention =
  | 'STP_NONE'
  | 0
  | 'STP_CANCEL_RESTING'
  | 1
  | 'STP_CANCEL_INCOMING'
  | 2
  | 'STP_CANCEL_BOTH'
  | 3

/**
 * What happens when an order would trade against a resting order of the same account.
 */
export type SelfTradePrevention__Output = typeof SelfTradePrevention[keyof typeof SelfTradePrevention]
