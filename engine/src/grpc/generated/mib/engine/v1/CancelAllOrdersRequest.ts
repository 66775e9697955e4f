// Original file: proto/engine.proto


export interface CancelAllOrdersRequest {
  'accountId'?: (string);
  /**
   * Empty = every symbol.
   */
  'symbol'?: (string);
}

export interface CancelAllOrdersRequest__Output {
  'accountId': (string);
  /**
   * Empty = every symbol.
   */
  'symbol': (string);
}
