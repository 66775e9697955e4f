// Original file: proto/engine.proto


/**
 * "0" or empty means no limit.
 */
export interface RiskLimits {
  /**
   * Empty: the defaults for accounts without their own limits.
   */
  'accountId'?: (string);
  'maxOrderQuantity'?: (string);
  'maxOrderNotional'?: (string);
  /**
   * Largest distance of a limit price from the last trade, in basis points.
   */
  'priceBandBps'?: (number);
  'maxOpenOrders'?: (number);
  'maxPosition'?: (string);
}

/**
 * "0" or empty means no limit.
 */
export interface RiskLimits__Output {
  /**
   * Empty: the defaults for accounts without their own limits.
   */
  'accountId': (string);
  'maxOrderQuantity': (string);
  'maxOrderNotional': (string);
  /**
   * Largest distance of a limit price from the last trade, in basis points.
   */
  'priceBandBps': (number);
  'maxOpenOrders': (number);
  'maxPosition': (string);
}
