// Original file: proto/engine.proto


export interface GetOrderBookRequest {
  'symbol'?: (string);
  /**
   * Levels per side, 1–1000; 0 means 10.
   */
  'depth'?: (number);
}

export interface GetOrderBookRequest__Output {
  'symbol': (string);
  /**
   * Levels per side, 1–1000; 0 means 10.
   */
  'depth': (number);
}
